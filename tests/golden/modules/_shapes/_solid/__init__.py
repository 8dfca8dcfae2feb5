"""A nested helper package."""
