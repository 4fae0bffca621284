"""The built-in rules, readers and reporters, registered as plugins on the public hooks."""
