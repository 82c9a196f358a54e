"""Export files as Dutch spreadsheet programs open them: CSV (UTF-8 with BOM, ";", "1250,50", "05-12-2026")
and XLSX (real dates and amounts).

Both write to a temporary file on disk as the rows arrive (openpyxl in write-only mode), so an
export of 50,000 people takes little memory; the finished file is then sent as a download.

A cell that starts with "=" (or, in CSV, "+", "-", "@", a tab or a carriage return) would be run as
a formula by a spreadsheet program. Text comes from people (names, notes), so such a value is
written as text: a string cell in XLSX, with a leading apostrophe in CSV.
"""

import csv
import datetime
import io
import tempfile
from decimal import Decimal

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

CSV, XLSX = "csv", "xlsx"
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT_CSV = "%d-%m-%Y"
DATE_FORMAT_XLSX = "DD-MM-YYYY"
AMOUNT_FORMAT_XLSX = "#,##0.00"
SHEET_TITLE_MAX = 31  # Excel's limit


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT_CSV)
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return str(value)


class CsvExport:
    """A CSV file being written; ``row()`` for each row, then ``response()``."""

    extension = CSV

    def __init__(self, title: str, header: list[str]):
        # Open until the download is sent: FileResponse closes it (and the system removes it) afterwards.
        self.raw = tempfile.TemporaryFile()  # noqa: SIM115
        # "utf-8-sig" starts the file with a BOM, by which Excel recognises UTF-8 (é, ë, €).
        self.text = io.TextIOWrapper(self.raw, encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.text, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self.writer.writerow([csv_value(value) for value in header])

    def row(self, values: list) -> None:
        self.writer.writerow([csv_value(value) for value in values])

    def finish(self):
        self.text.flush()
        self.text.detach()
        self.raw.seek(0)
        return self.raw


class XlsxExport:
    """An XLSX workbook with one sheet, written row by row (openpyxl's write-only mode)."""

    extension = XLSX

    def __init__(self, title: str, header: list[str]):
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet(title=title[:SHEET_TITLE_MAX])
        bold = Font(bold=True)
        self.sheet.append([self._cell(value, font=bold) for value in header])

    def _cell(self, value, font=None) -> WriteOnlyCell:
        if isinstance(value, bool):
            value = str(value)
        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT_XLSX
        elif isinstance(value, Decimal):
            cell.number_format = AMOUNT_FORMAT_XLSX
        elif isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text that looks like a formula stays text
        if font is not None:
            cell.font = font
        return cell

    def row(self, values: list) -> None:
        self.sheet.append([self._cell(value) for value in values])

    def finish(self):
        raw = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the FileResponse that sends it
        self.workbook.save(raw)
        raw.seek(0)
        return raw


FORMATS = {CSV: CsvExport, XLSX: XlsxExport}


def export_response(export, filename: str) -> FileResponse:
    """The finished file as a download named ``filename`` plus the format's extension."""
    return FileResponse(export.finish(), as_attachment=True, filename=f"{filename}.{export.extension}",
                        content_type=CONTENT_TYPES[export.extension])
