"""Reads any .xlsx with openpyxl and the zip module, and prints what the writer's tests check as JSON.

Usage: /usr/bin/python3 read_xlsx_openpyxl.py <file.xlsx>
"""
import json
import sys
import zipfile

from openpyxl import load_workbook

path = sys.argv[1]
with zipfile.ZipFile(path) as z:
    bad = z.testzip()  # None when every member's CRC matches
    names = sorted(z.namelist())
    sheet_xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    sst = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in names else ""

ws = load_workbook(path).active
cells = {}
for row in ws.iter_rows():
    for c in row:
        b = c.border
        cells[c.coordinate] = {
            "value": c.value,
            "font": c.font.name,
            "size": c.font.sz,
            "bold": bool(c.font.b),
            "format": c.number_format,
            "horizontal": c.alignment.horizontal,
            "wrap": bool(c.alignment.wrap_text),
            "borders": [s.style for s in (b.top, b.left, b.bottom, b.right)],
        }
setup = ws.page_setup
print(
    json.dumps(
        {
            "zipOk": bad is None,
            "names": names,
            "inlineCells": sheet_xml.count('t="inlineStr"'),
            "sharedCells": sheet_xml.count('t="s"'),
            "sharedUnique": sst.count("<si>"),
            "maxRow": ws.max_row,
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
            "paperSize": setup.paperSize,
            "orientation": setup.orientation,
            "fitToWidth": setup.fitToWidth,
            "fitToHeight": setup.fitToHeight,
            "horizontalCentered": bool(ws.print_options.horizontalCentered),
            "printTitleRows": ws.print_title_rows,
            "frozen": ws.freeze_panes,
            "gridLines": ws.sheet_view.showGridLines,
            "sheetName": ws.title,
        },
        ensure_ascii=False,
    )
)
