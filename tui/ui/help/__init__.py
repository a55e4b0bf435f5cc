"""The help screen: every key of the app, gathered from the bindings."""
