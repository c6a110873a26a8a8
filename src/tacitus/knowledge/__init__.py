"""Data the coder knows: the CAMEO codebook, PLOVER crosswalk, trigger lexicon, actor KB, gazetteer."""
