"""Reads a report .xlsx with openpyxl, an independent reader, and prints what a printer would use as JSON.

Usage: /usr/bin/python3 read_report_openpyxl.py <file.xlsx> <total row number>
"""
import json
import sys

from openpyxl import load_workbook

path, total_row = sys.argv[1], int(sys.argv[2])
ws = load_workbook(path).active
setup = ws.page_setup
props = ws.sheet_properties.pageSetUpPr
print(
    json.dumps(
        {
            "paperSize": setup.paperSize,
            "orientation": setup.orientation,
            "fitToPage": bool(props and props.fitToPage),
            "fitToWidth": setup.fitToWidth,
            "fitToHeight": setup.fitToHeight,
            "horizontalCentered": bool(ws.print_options.horizontalCentered),
            "printTitleRows": ws.print_title_rows,
            "footer": ws.oddFooter.center.text,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "title": ws["A1"].value,
            "titleFont": ws["A1"].font.name,
            "bodyFont": ws["B5"].font.name,
            "total": [ws.cell(total_row, c).value for c in range(1, ws.max_column + 1)],
            "totalRateFormat": ws.cell(total_row, ws.max_column - 1).number_format,
        },
        ensure_ascii=False,
    )
)
