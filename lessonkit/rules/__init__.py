"""Rules every page and snippet keeps, whatever its constructs: numbers come from the code, no hidden characters."""
