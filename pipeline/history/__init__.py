"""History: import a council's published lists and past mail, and learn its practice from them."""
