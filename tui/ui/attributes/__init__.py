"""Article attributes in the app: edit an article's (outlet, country, kind...), define new ones, and
filter the whole app by them (``outlet=Dawn``)."""
