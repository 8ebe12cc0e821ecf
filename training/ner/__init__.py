"""Training and gold-building code for the shipped Italian NER model (`python -m training.ner.train`)."""
