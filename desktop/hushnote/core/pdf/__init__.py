"""Printing notes as PDF, without Qt: layout, fonts, metadata cleaning (docs/pdf.md)."""
