"""The Textual reader: screens, widgets and the parts of the reading screen."""
