"""Stage 4: from located tables to the model (row readings, recovery by identities, assembly)."""
