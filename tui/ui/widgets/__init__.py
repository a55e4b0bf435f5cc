"""The widgets of the reader; each posts messages and never touches storage."""
