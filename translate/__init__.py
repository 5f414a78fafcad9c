"""Inkuru: English <-> Kinyarwanda news translation with a house glossary.

Importing the package is cheap: torch and transformers are imported only inside the engines that run a model.
"""

__version__ = "0.1.0"
