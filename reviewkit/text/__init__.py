"""Every word a person reads: messages, labels of fields and values, the pack's own words."""
