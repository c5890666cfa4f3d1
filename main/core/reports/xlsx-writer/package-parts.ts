/** The fixed parts of a one-sheet package: content types, relationships, workbook, document properties. */
import { escapeXml } from './xml-text';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

export function contentTypes(withSharedStrings: boolean): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`) +
    override(SHEET_PATH, `${CT}.spreadsheetml.worksheet+xml`) +
    override('xl/styles.xml', `${CT}.spreadsheetml.styles+xml`) +
    (withSharedStrings ? override('xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`) : '') +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', `${CT}.extended-properties+xml`) +
    '</Types>'
  );
}

export const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export function workbookRels(withSharedStrings: boolean): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
    (withSharedStrings ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    '</Relationships>'
  );
}

/** A sheet name inside a formula reference: quoted, its apostrophes doubled. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** xl/workbook.xml with the one sheet and, when given, the rows printed at the top of every page. */
export function workbookXml(sheetName: string, printTitles?: { first: number; last: number }): string {
  const titles = printTitles
    ? '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">' +
      `${escapeXml(quotedSheet(sheetName))}!$${printTitles.first}:$${printTitles.last}</definedName></definedNames>`
    : '';
  return (
    XML_HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="24000" windowHeight="12000"/></bookViews>' +
    `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    titles +
    '<calcPr calcId="171027"/></workbook>'
  );
}

export function coreXml(creator: string, created: Date): string {
  const when = `${created.toISOString().slice(0, 19)}Z`;
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(application: string): string {
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    `<Application>${escapeXml(application)}</Application></Properties>`
  );
}
