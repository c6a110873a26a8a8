"""Readers and input checks: everything that turns files into Article records."""
