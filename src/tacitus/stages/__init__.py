"""The pipeline's stages, in order: parse, places, actors, actions, modality, dates, assemble."""
