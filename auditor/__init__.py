"""auditor: who says so, and how sure is the text? Attribution and hedging audit of news articles."""

__version__ = "0.1.0"
