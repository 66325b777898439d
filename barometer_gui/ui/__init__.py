"""All Qt code lives here: thin widgets over core results."""
