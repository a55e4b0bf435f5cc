"""The Textual UI: app, screens, widgets and styles, on top of the core."""
