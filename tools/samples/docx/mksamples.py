#!/usr/bin/env python3
"""mksamples.py - write the DOCX and ODT applicant samples into samples/.

Usage: tools/samples/docx/mksamples.py [REPO]

The OOXML is written by hand (zipfile) so that every construct the
extractor handles appears on purpose:
  samples/ingrid-halvorsen.docx  kitchen sink: contacts in the header (two
      identical header parts), page-number field in the footer, a layout
      table with a sidebar cell, a text box (mc:Choice + mc:Fallback), a
      footnote, hyperlinks, a tracked insertion and a deletion, a moved
      paragraph, content controls, tabs, breaks, symbols, hyphens, heading
      styles (one localised, found by outline level), core dates.
  samples/tomas-okafor.docx      an ordinary one-column resume.
With LibreOffice (soffice) on the PATH, for realism, two more made by
converting sources written here:
  samples/priya-raman.odt        from an .fodt: master-page header and
      footer, headings, spaces, tabs, a list, a table, a frame text box,
      a footnote, a tracked deletion.
  samples/mateo-silva.docx       from HTML.
And two hostile ones:
  samples/broken-zipbomb.docx    document.xml inflates to 256 MiB
  samples/broken-xxe.docx        DOCTYPE with an external entity
Only needed to remake the committed files; nothing in the build uses it.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

REPO = sys.argv[1] if len(sys.argv) > 1 else '.'
OUT = os.path.join(REPO, 'samples')

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
      'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
      'relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-'
      'compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/'
      'drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.'
      'openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.'
      'microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:'
      'schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/'
      'office/word/2010/wordml" mc:Ignorable="w14"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'


def ct(extra):
    over = ''.join('<Override PartName="/%s" ContentType="application/vnd.'
                   'openxmlformats-officedocument.wordprocessingml.%s+xml"/>'
                   % (p, t) for p, t in extra)
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application'
            '/vnd.openxmlformats-officedocument.wordprocessingml.document.'
            'main+xml"/><Override PartName="/docProps/core.xml" ContentType='
            '"application/vnd.openxmlformats-package.core-properties+xml"/>'
            + over + '</Types>')


def rels(items):
    return (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">' + ''.join(
                '<Relationship Id="%s" Type="%s" Target="%s"%s/>'
                % (i, t if t.startswith('http') else R + t, tg,
                   ' TargetMode="External"' if t == 'hyperlink' else '')
                for i, t, tg in items) + '</Relationships>')


def core(title, created, modified):
    return (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats'
            '.org/package/2006/metadata/core-properties" xmlns:dc="http://'
            'purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/'
            'terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">'
            '%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">'
            '%s</dcterms:modified></cp:coreProperties>'
            % (title, created, modified))


STYLES = (DECL + '<w:styles ' + NS + '>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
          '<w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
          '<w:basedOn w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val='
          '"heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl '
          'w:val="0"/></w:pPr></w:style>'
          # A localised heading: only its outline level says what it is.
          '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val='
          '"\u00dcberschrift 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl'
          ' w:val="1"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="SidebarHead"><w:name w:val='
          '"Sidebar Head"/><w:basedOn w:val="berschrift2"/></w:style>'
          '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val='
          '"Hyperlink"/></w:style></w:styles>')


def p(text, style=None, extra=''):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ''
    return '<w:p>%s%s%s</w:p>' % (ppr, run(text) if text else '', extra)


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


def hdr(kind, body):
    return (DECL + '<w:%s %s>%s</w:%s>' % (kind, NS, body, kind))


def write_docx(path, parts):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data)


def ingrid():
    header = hdr('hdr', p('Ingrid Halvorsen') + p(
        'ingrid.halvorsen@example.org', extra='<w:r><w:tab/></w:r>' +
        run('+47 912 34 567') + '<w:r><w:tab/></w:r>' + run('Bergen, Norway')))
    footer = hdr('ftr', '<w:p>' + run('Ingrid Halvorsen \u2013 page ') +
                 '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
                 '<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
                 run('1') + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    sidebar = (
        p('Skills', 'SidebarHead') +
        '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/>'
        '<w:t>Apache Camel, Kafka, MuleSoft</w:t></w:r></w:p>'
        '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/>'
        '<w:t>REST, SOAP, AsyncAPI</w:t></w:r></w:p>'
        '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:tab/>'
        '<w:t>Java 17, Python, SQL</w:t></w:r></w:p>' +
        p('Languages', 'SidebarHead') +
        '<w:p><w:r><w:t>Norwegian (native)</w:t><w:br/>'
        '<w:t>English (fluent)</w:t></w:r></w:p>' +
        p('Available from') +
        '<w:sdt><w:sdtPr><w:alias w:val="Start date"/><w:date w:fullDate='
        '"2027-01-04T00:00:00Z"/><w:placeholder><w:docPart w:val="PLACEHOLDERDATE"'
        '/></w:placeholder></w:sdtPr><w:sdtContent>' +
        p('4 January 2027') + '</w:sdtContent></w:sdt>')
    textbox = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH '
        'relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionV><wp:extent cx="2000000" cy="500000"/><wp:wrapSquare '
        'wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>' +
        p('Certified: Confluent Developer for Apache Kafka (2024)') +
        '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>'
        '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
        '<w:pict><v:shape style="width:160pt;height:40pt"><v:textbox>'
        '<w:txbxContent>' +
        p('Certified: Confluent Developer for Apache Kafka (2024)') +
        '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>')
    main = (
        p('Senior Integration Engineer', 'Heading1') +
        '<w:p>' + textbox + run('Integration engineer with nine years of '
                                'experience connecting ERP, CRM and '
                                'logistics systems') +
        '<w:r><w:footnoteReference w:id="1"/></w:r>' + run('.') + '</w:p>' +
        p('Experience', 'Heading1') +
        p('Nordvik Logistics AS, Bergen \u2014 2019\u2013present', 'berschrift2') +
        '<w:p>' + run('Designed ') +
        '<w:ins w:id="11" w:author="Ingrid" w:date="2026-10-01T10:00:00Z">' +
        run('event-driven ') + '</w:ins>' +
        run('integrations between SAP S/4HANA and 40 carrier APIs using '
            'Apache Camel and Kafka') +
        '<w:del w:id="12" w:author="Ingrid" w:date="2026-10-01T10:00:00Z">'
        '<w:r><w:delText xml:space="preserve"> and a legacy Tibco '
        'BusinessWorks bus</w:delText></w:r></w:del>' + run('.') + '</w:p>'
        '<w:p>' + run('Cut order latency from 6 hours to 4 minutes; '
                      'built an end') + '<w:r><w:noBreakHyphen/></w:r>' +
        run('to') + '<w:r><w:noBreakHyphen/></w:r>' +
        run('end test harness with Testcontainers.') + '</w:p>' +
        '<w:p>' + run('Published the team\u2019s inter') +
        '<w:r><w:softHyphen/></w:r>' + run('operability guide on ') +
        '<w:hyperlink r:id="rIdLink" w:history="1"><w:r><w:rPr><w:rStyle '
        'w:val="Hyperlink"/></w:rPr><w:t>github.com/ihalvorsen</w:t></w:r>'
        '</w:hyperlink>' + run('.') + '</w:p>' +
        p('Fjordline Data, Oslo \u2014 2015\u20132019', 'berschrift2') +
        # A paragraph moved up: the old copy (moveFrom) must not count.
        '<w:moveFrom w:id="21" w:author="Ingrid" w:date="2026-10-01T10:00:00Z">'
        + p('Maintained MuleSoft flows for payroll exports.') +
        '</w:moveFrom>' +
        '<w:moveTo w:id="22" w:author="Ingrid" w:date="2026-10-01T10:00:00Z">'
        + p('Maintained MuleSoft flows for payroll exports.') + '</w:moveTo>' +
        '<w:p>' + run('Ran the ') +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
        'xml:space="preserve"> HYPERLINK "https://example.org/esb" '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        '</w:r>' + run('ESB migration') +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        run(' for 12 public-sector clients.') + '</w:p>' +
        p('Education', 'Heading1') +
        '<w:sdt><w:sdtPr><w:alias w:val="Degree"/><w:placeholder><w:docPart '
        'w:val="DegreePlaceholderText"/></w:placeholder></w:sdtPr>'
        '<w:sdtContent>' +
        p('MSc Computer Science, University of Bergen, 2015') +
        '</w:sdtContent></w:sdt>')
    body = (
        '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="7000"/></w:tblGrid>'
        '<w:tr><w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>' +
        sidebar + '</w:tc><w:tc><w:tcPr><w:tcW w:w="7000" w:type="dxa"/>'
        '</w:tcPr>' + main + '</w:tc></w:tr></w:tbl>' +
        p('References available on request.') +
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/>'
        '<w:headerReference w:type="first" r:id="rIdH2"/>'
        '<w:footerReference w:type="default" r:id="rIdF1"/><w:titlePg/>'
        '</w:sectPr>')
    doc = DECL + '<w:document %s><w:body>%s</w:body></w:document>' % (NS, body)
    notes = (DECL + '<w:footnotes %s>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
             '</w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             '<w:continuationSeparator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1">' +
             p('Including three years as integration lead for Nordvik.') +
             '</w:footnote></w:footnotes>') % NS
    write_docx(os.path.join(OUT, 'ingrid-halvorsen.docx'), [
        ('[Content_Types].xml', ct([
            ('word/styles.xml', 'styles'), ('word/header1.xml', 'header'),
            ('word/header2.xml', 'header'), ('word/footer1.xml', 'footer'),
            ('word/footnotes.xml', 'footnotes')])),
        ('_rels/.rels', rels([
            ('rId1', 'officeDocument', 'word/document.xml'),
            ('rId2', 'http://schemas.openxmlformats.org/package/2006/'
             'relationships/metadata/core-properties', 'docProps/core.xml')])),
        ('docProps/core.xml', core('Ingrid Halvorsen - CV',
                                   '2026-09-12T08:00:00Z',
                                   '2026-10-01T10:05:00Z')),
        ('word/_rels/document.xml.rels', rels([
            ('rIdS', 'styles', 'styles.xml'),
            ('rIdH1', 'header', 'header1.xml'),
            ('rIdH2', 'header', 'header2.xml'),
            ('rIdF1', 'footer', 'footer1.xml'),
            ('rIdN', 'footnotes', 'footnotes.xml'),
            ('rIdLink', 'hyperlink', 'https://github.com/ihalvorsen')])),
        ('word/document.xml', doc),
        ('word/styles.xml', STYLES),
        ('word/header1.xml', header),
        ('word/header2.xml', header),
        ('word/footer1.xml', footer),
        ('word/footnotes.xml', notes),
    ])


def tomas():
    body = (p('Tom\u00e1s Okafor', 'Title') +
            p('tomas.okafor@example.com \u00b7 +44 7700 900123 \u00b7 Leeds') +
            p('Profile', 'Heading1') +
            p('Integration developer (5 years) building API gateways and '
              'message flows with Azure Integration Services and Boomi.') +
            p('Experience', 'Heading1') +
            p('Integration Developer, Harrow Health NHS Trust, 2021\u2013now') +
            p('Built HL7 FHIR interfaces between the EPR and 14 lab systems.') +
            p('Moved 60 BizTalk orchestrations to Azure Logic Apps and '
              'Service Bus.') +
            p('Junior Developer, Pennine Retail, 2019\u20132021') +
            p('Wrote Python ETL jobs and REST APIs in Flask; PostgreSQL.') +
            p('Education', 'Heading1') +
            p('BSc Software Engineering, University of Leeds, 2019') +
            '<w:sectPr/>')
    doc = DECL + '<w:document %s><w:body>%s</w:body></w:document>' % (NS, body)
    write_docx(os.path.join(OUT, 'tomas-okafor.docx'), [
        ('[Content_Types].xml', ct([('word/styles.xml', 'styles')])),
        ('_rels/.rels', rels([
            ('rId1', 'officeDocument', 'word/document.xml'),
            ('rId2', 'http://schemas.openxmlformats.org/package/2006/'
             'relationships/metadata/core-properties', 'docProps/core.xml')])),
        ('docProps/core.xml', core('CV', '2026-08-30T12:00:00Z',
                                   '2026-08-30T12:00:00Z')),
        ('word/_rels/document.xml.rels', rels([
            ('rIdS', 'styles', 'styles.xml')])),
        ('word/document.xml', doc),
        ('word/styles.xml', STYLES),
    ])


FODT = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><meta:creation-date>2026-09-20T09:00:00</meta:creation-date>
  <dc:date>2026-10-02T17:30:00</dc:date><dc:title>Priya Raman CV</dc:title></office:meta>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/>
   <style:header-style/><style:footer-style/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Standard">Priya Raman<text:tab/>priya.raman@example.net<text:tab/>+91 98450 12345</text:p></style:header>
   <style:footer><text:p text:style-name="Standard">Chennai, India \u2013 curriculum vitae</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:tracked-changes>
   <text:changed-region text:id="ct1"><text:deletion>
    <office:change-info><dc:creator>Priya</dc:creator><dc:date>2026-10-02T17:00:00</dc:date></office:change-info>
    <text:p>Webmethods Broker administration (2009)</text:p>
   </text:deletion></text:changed-region>
  </text:tracked-changes>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">Integration Architect</text:h>
  <text:p text:style-name="Standard">Twelve years of enterprise   integration:<text:s text:c="3"/>APIs, events and B2B/EDI.<text:change text:change-id="ct1"/><text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Figures as of October 2026.</text:p></text:note-body></text:note></text:p>
  <text:p text:style-name="Standard"><draw:frame draw:name="Frame1" svg:width="6cm" svg:height="1.5cm" text:anchor-type="paragraph"><draw:text-box><text:p>Open to relocation: Singapore, Dubai</text:p></draw:text-box></draw:frame>Profile: <text:a xlink:type="simple" xlink:href="https://www.linkedin.com/in/priyaraman">linkedin.com/in/priyaraman</text:a></text:p>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">Skills</text:h>
  <text:list><text:list-item><text:p>IBM App Connect, Apache Kafka, Boomi</text:p></text:list-item>
   <text:list-item><text:p>X12 and EDIFACT<text:line-break/>AS2 gateways</text:p></text:list-item></text:list>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">Experience</text:h>
  <table:table table:name="Jobs"><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>2018\u2013now</text:p></table:table-cell><table:table-cell><text:p>Lead Integration Architect, Kaveri Freight</text:p><text:p>Ran 300 partner EDI flows on IBM Sterling B2B.</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>2014\u20132018</text:p></table:table-cell><table:table-cell><text:p>Integration Engineer, Coromandel Bank</text:p></table:table-cell></table:table-row>
  </table:table>
 </office:text></office:body>
</office:document>
'''

HTML = '''<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Mateo Silva CV</title></head><body>
<h1>Mateo Silva</h1>
<p>mateo.silva@example.com | +34 612 345 678 | Valencia</p>
<h2>Summary</h2>
<p>Integration engineer with 7 years on Apache Camel, Spring Integration and Kafka Streams.</p>
<h2>Experience</h2>
<table border="1"><tr><td>2020&ndash;now</td><td>Integration Engineer, Levante Energ&iacute;a: smart-meter data pipelines with Kafka and Debezium.</td></tr>
<tr><td>2017&ndash;2020</td><td>Developer, Turia Seguros: SOAP to REST migration with WSO2.</td></tr></table>
<h2>Education</h2>
<ul><li>MSc Telecommunications, Universitat Polit&egrave;cnica de Val&egrave;ncia, 2017</li></ul>
</body></html>
'''


def soffice(src, fmt, dest):
    exe = shutil.which('soffice')
    if not exe:
        print('soffice not found: %s not made' % dest, file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        name = os.path.join(tmp, os.path.basename(dest).rsplit('.', 1)[0] +
                            '.' + src[0])
        with open(name, 'w', encoding='utf-8') as f:
            f.write(src[1])
        subprocess.run([exe, '-env:UserInstallation=file://' + tmp + '/u',
                        '--headless', '--convert-to', fmt, '--outdir', tmp,
                        name], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=180)
        shutil.copy(name.rsplit('.', 1)[0] + '.' + fmt.split(':')[0], dest)


def zipbomb():
    # 256 MiB of one repeated line: about 250 KB on disk.
    line = b'<!-- ' + b'A' * 1000 + b' -->\n'
    with zipfile.ZipFile(os.path.join(OUT, 'broken-zipbomb.docx'), 'w',
                         zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('[Content_Types].xml', ct([]))
        z.writestr('_rels/.rels', rels([
            ('rId1', 'officeDocument', 'word/document.xml')]))
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            f.write(DECL.encode() + b'<w:document><w:body>')
            chunk = line * 1024
            for _ in range((256 << 20) // len(chunk)):
                f.write(chunk)
            f.write(b'</w:body></w:document>')


def xxe():
    doc = (DECL.replace(' standalone="yes"', '') +
           '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           '<w:document %s><w:body>%s</w:body></w:document>'
           % (NS, p('Name: Eve Mallory') + p('&xxe;')))
    write_docx(os.path.join(OUT, 'broken-xxe.docx'), [
        ('[Content_Types].xml', ct([])),
        ('_rels/.rels', rels([('rId1', 'officeDocument',
                               'word/document.xml')])),
        ('word/document.xml', doc),
    ])


def main():
    os.makedirs(OUT, exist_ok=True)
    ingrid()
    tomas()
    zipbomb()
    xxe()
    soffice(('fodt', FODT), 'odt', os.path.join(OUT, 'priya-raman.odt'))
    soffice(('html', HTML), 'docx:MS Word 2007 XML',
            os.path.join(OUT, 'mateo-silva.docx'))


if __name__ == '__main__':
    main()
