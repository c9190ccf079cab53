"""Tindak lanjut pages: recognition, the 20 JP recap, competencies and development on the employee page."""
