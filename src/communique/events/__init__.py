"""Events: who did what to whom — PLOVER and CAMEO, with modality, attribution and evidence."""
