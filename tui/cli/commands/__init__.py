"""One module per subcommand; none of them imports Textual."""
