"""Training code for the shipped subjectivity models (`python -m training.subjectivity.train`)."""
