"""Text primitives: Chinese numbers and units, place names, token counts, cue words."""
