"""Stage 3: from blocks to located, labelled, versioned tables (tokens, parts, labels, numbers)."""
