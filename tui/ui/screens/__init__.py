"""The app's one screen, the reader: it holds the shared state and routes between the features."""
