"""Travel mode: what stays home, sealing it into a bundle and purging it, bringing it
back (docs/travel.md)."""
