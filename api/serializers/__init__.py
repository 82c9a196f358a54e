"""Input and output shapes of the API; inputs are validated here and written by services."""
