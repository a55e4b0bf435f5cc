"""Annotations: the model, finding passages again in changed texts, the store, export and import."""
