"""English catalogue: bokmål source text → English. Keep entries sorted by where they appear."""

EN: dict[str, str] = {
    # worker
    "Det er ikke nok minne til å fullføre.": "There is not enough memory to finish.",
    "Uventet feil i Barometer ({error}).": "Unexpected error in Barometer ({error}).",
}
