"""The core: models, corpus, entities. Never imports Textual."""
