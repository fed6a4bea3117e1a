"""Every word a person reads: one catalogue per language (catalogues/*.json), one lookup."""
