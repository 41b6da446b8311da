#!/usr/bin/env python3
"""applicants.py - renders the sample applicants of samples/ (Integration
Engineer role) from the data in APPLICANTS below.

Owns: the applicant files it names in APPLICANTS (and nothing else in
samples/: other generators own the extraction-specific samples there).
Must not touch: samples/EXPECTED.tsv and samples/README.md (written by hand,
from reading the documents, not from this script).

Formats: DOCX (OOXML written by hand with zipfile: styles with Title /
Heading1 / Heading2, a bullet numbering, a table, a header with contacts,
docProps/core.xml with dates), plain text, PDF and ODT made by LibreOffice
from a generated DOCX, PDF made by Chromium from generated HTML (one or two
columns).  LibreOffice and Chromium are needed only to run this script,
never by the build or tests.

Usage: python3 tools/samples/applicants.py [OUTDIR]   (default: samples/)
Output is deterministic for DOCX and text; PDFs carry their creation time.
The expected reading of each applicant is samples/EXPECTED.tsv (by hand).
"""

import copy
import html
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from xml.sax.saxutils import escape as xesc

# ---------------------------------------------------------------- DOCX

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
	'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
	'2006/relationships"')

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>'''

ROOT_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>'''

DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>'''

STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/><w:sz w:val="21"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="23"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/></w:tblBorders></w:tblPr></w:style>
</w:styles>''' % W_NS

NUMBERING = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering %s>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>''' % W_NS

APP = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application></Properties>'''


def w_run(text):
	return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % xesc(text)


def w_par(text, style=None, bullet=False):
	ppr = ''
	if style:
		ppr += '<w:pStyle w:val="%s"/>' % style
	if bullet:
		ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
	if ppr:
		ppr = '<w:pPr>%s</w:pPr>' % ppr
	return '<w:p>%s%s</w:p>' % (ppr, w_run(text))


def w_table(rows):
	ncol = max(len(r) for r in rows)
	width = 9000 // ncol
	out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
	       '<w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid>']
	out += ['<w:gridCol w:w="%d"/>' % width] * ncol
	out.append('</w:tblGrid>')
	for r in rows:
		out.append('<w:tr>')
		for cell in r + [''] * (ncol - len(r)):
			out.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>'
				   '</w:tcPr>%s</w:tc>' % (width, w_par(cell)))
		out.append('</w:tr>')
	out.append('</w:tbl>')
	return ''.join(out)


def docx_body(doc):
	"""The paragraphs of a document; a 'plain' document has no styles at
	all (headings typed as ordinary lines, bullets typed as '-')."""
	plain = doc.get('plain', False)
	out = [w_par(doc['name'], None if plain else 'Title')]
	if doc.get('contact_in_body'):
		out.append(w_par(' | '.join(doc['contact'])))
	for kind, val in doc['blocks']:
		if kind == 'h1':
			out.append(w_par(val, None if plain else 'Heading1'))
		elif kind == 'h2':
			out.append(w_par(val, None if plain else 'Heading2'))
		elif kind == 'p':
			out.append(w_par(val))
		elif kind == 'ul':
			for item in val:
				if plain:
					out.append(w_par('- ' + item))
				else:
					out.append(w_par(item, 'ListParagraph',
							 bullet=True))
		elif kind == 'table':
			out.append(w_table(val))
			out.append(w_par(''))
		else:
			raise ValueError(kind)
	return ''.join(out)


def docx_bytes_parts(doc):
	created = doc.get('created', doc['date'])
	core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
		'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
		'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/'
		'dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
		'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://'
		'www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title>'
		'<dc:creator>%s</dc:creator>'
		'<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
		'<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>'
		'</cp:coreProperties>' % (
			xesc(doc.get('title', 'Resume')),
			xesc(doc.get('author', doc['name'])),
			created, doc['date']))
	header_text = doc.get('header', ' | '.join(doc['contact']))
	header = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
		  '<w:hdr %s>%s</w:hdr>' % (W_NS, w_par(header_text, 'Header')))
	document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
		    '<w:document %s><w:body>%s<w:sectPr>'
		    '<w:headerReference w:type="default" r:id="rId3"/>'
		    '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1300" '
		    'w:right="1300" w:bottom="1300" w:left="1300" w:header="600" '
		    'w:footer="600" w:gutter="0"/></w:sectPr></w:body></w:document>'
		    % (W_NS, docx_body(doc)))
	return [
		('[Content_Types].xml', CONTENT_TYPES),
		('_rels/.rels', ROOT_RELS),
		('word/document.xml', document),
		('word/_rels/document.xml.rels', DOC_RELS),
		('word/styles.xml', STYLES),
		('word/numbering.xml', NUMBERING),
		('word/header1.xml', header),
		('docProps/core.xml', core),
		('docProps/app.xml', APP),
	]


def write_docx(doc, path):
	# Fixed entry times: the same data gives the same bytes.
	y, mo, d = (int(x) for x in doc['date'][:10].split('-'))
	with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
		for name, text in docx_bytes_parts(doc):
			info = zipfile.ZipInfo(name, (y, mo, d, 9, 0, 0))
			info.compress_type = zipfile.ZIP_DEFLATED
			z.writestr(info, text.encode('utf-8'))

# ---------------------------------------------------------------- text


def text_of(doc):
	wrap = textwrap.TextWrapper(width=78)
	lines = [doc['name'], ' | '.join(doc['contact']), '']
	for kind, val in doc['blocks']:
		if kind == 'h1':
			lines += ['', val.upper(), '=' * len(val)]
		elif kind == 'h2':
			lines += ['', val]
		elif kind == 'p':
			lines += wrap.wrap(val) + ['']
		elif kind == 'ul':
			for item in val:
				lines += textwrap.wrap(item, width=78,
						       initial_indent='  - ',
						       subsequent_indent='    ')
			lines.append('')
		elif kind == 'table':
			for r in val:
				lines.append('  ' + ' | '.join(r))
			lines.append('')
	while lines and lines[-1] == '':
		lines.pop()
	return '\n'.join(lines) + '\n'

# ---------------------------------------------------------------- HTML

CSS = '''body{font-family:"Liberation Serif",serif;font-size:11pt;margin:0}
h1{font-size:20pt;margin:0 0 2pt 0}h2{font-size:13pt;border-bottom:1px solid
#888;margin:12pt 0 4pt 0}h3{font-size:11pt;margin:8pt 0 2pt 0}p{margin:3pt 0}
ul{margin:2pt 0 4pt 0}table{border-collapse:collapse}td,th{border:1px solid
#999;padding:2pt 5pt;text-align:left}.contact{color:#333}
.page{page-break-after:always}.page:last-child{page-break-after:auto}
.cols{display:grid;grid-template-columns:30% 66%;column-gap:4%}
.side{background:#eef2f7;padding:4pt 8pt}'''


def html_blocks(blocks):
	out = []
	for kind, val in blocks:
		if kind == 'h1':
			out.append('<h2>%s</h2>' % html.escape(val))
		elif kind == 'h2':
			out.append('<h3>%s</h3>' % html.escape(val))
		elif kind == 'p':
			out.append('<p>%s</p>' % html.escape(val))
		elif kind == 'ul':
			out.append('<ul>%s</ul>' % ''.join(
				'<li>%s</li>' % html.escape(i) for i in val))
		elif kind == 'table':
			rows = ['<tr>%s</tr>' % ''.join(
				'<td>%s</td>' % html.escape(c) for c in r)
				for r in val]
			out.append('<table>%s</table>' % ''.join(rows))
	return out


def html_of(docs):
	"""One page per document; a document with a 'sidebar' is laid out in
	two columns (sidebar left), as many designed resumes are."""
	out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s'
	       '</title><style>%s</style></head><body>'
	       % (html.escape(docs[0]['name']), CSS)]
	for doc in docs:
		out.append('<div class="page"><h1>%s</h1><p class="contact">%s</p>'
			   % (html.escape(doc['name']),
			      html.escape(' | '.join(doc['contact']))))
		if doc.get('sidebar'):
			out.append('<div class="cols"><div class="side">')
			out += html_blocks(doc['sidebar'])
			out.append('</div><div class="main">')
			out += html_blocks(doc['blocks'])
			out.append('</div></div>')
		else:
			out += html_blocks(doc['blocks'])
		out.append('</div>')
	out.append('</body></html>')
	return '\n'.join(out)

# ---------------------------------------------------------------- PDF


def via_libreoffice(doc, path, work, fmt):
	"""PDF or ODT: LibreOffice converts a generated DOCX (its own profile
	directory, so a running soffice elsewhere does not block it)."""
	src = os.path.join(work, 'lo-src.docx')
	write_docx(doc, src)
	profile = os.path.join(work, 'lo-profile')
	subprocess.run(['soffice', '-env:UserInstallation=file://' + profile,
			'--headless', '--convert-to', fmt, '--outdir', work,
			src], check=True, stdout=subprocess.DEVNULL,
		       stderr=subprocess.DEVNULL, timeout=180)
	shutil.move(os.path.join(work, 'lo-src.' + fmt), path)


def pdf_chromium(docs, path, work):
	src = os.path.join(work, 'page.html')
	with open(src, 'w', encoding='utf-8') as f:
		f.write(html_of(docs))
	profile = tempfile.mkdtemp(dir=work)
	subprocess.run(['chromium', '--headless', '--no-sandbox',
			'--disable-gpu', '--no-first-run',
			'--disable-background-networking',
			'--disable-component-update', '--disable-sync',
			'--user-data-dir=' + profile, '--no-pdf-header-footer',
			'--print-to-pdf=' + os.path.abspath(path),
			'file://' + os.path.abspath(src)], check=True,
		       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
		       timeout=180)

# ---------------------------------------------------------------- driver


def render_file(f, path, work):
	name = f['name']
	docs = f['docs']
	if name.endswith('.docx'):
		write_docx(docs[0], path)
	elif name.endswith('.txt'):
		# A string is a document typed by hand, as it is.
		with open(path, 'w', encoding='utf-8') as out:
			out.write('\n\n\n'.join(
				d if isinstance(d, str) else text_of(d)
				for d in docs))
	elif name.endswith('.pdf') and f.get('via') == 'chromium':
		pdf_chromium(docs, path, work)
	elif name.endswith('.pdf'):
		via_libreoffice(docs[0], path, work, 'pdf')
	elif name.endswith('.odt'):
		via_libreoffice(docs[0], path, work, 'odt')
	else:
		raise ValueError(name)
	size = os.path.getsize(path)
	if size >= 100 * 1024:
		raise SystemExit('%s: %d bytes, over 100 KB' % (path, size))


def render(app, outdir, work):
	key = app['key']
	if len(app['files']) == 1 and 'answers' not in app and '.' in key:
		render_file(app['files'][0], os.path.join(outdir, key), work)
		return
	folder = os.path.join(outdir, key)
	os.makedirs(folder, exist_ok=True)
	for f in app['files']:
		render_file(f, os.path.join(folder, f['name']), work)
	if 'answers' in app:
		with open(os.path.join(folder, 'answers.txt'), 'w') as out:
			out.write(app['answers'])


def H1(t): return ('h1', t)
def H2(t): return ('h2', t)
def P(t): return ('p', t)
def UL(*items): return ('ul', list(items))
def TABLE(*rows): return ('table', [list(r) for r in rows])


def resume(name, contact, date, blocks, **kw):
	d = {'name': name, 'contact': contact, 'date': date,
	     'blocks': blocks}
	d.update(kw)
	return d


def letter(name, contact, date, paragraphs, **kw):
	d = {'name': name, 'contact': contact, 'date': date,
	     'title': 'Cover letter', 'blocks': [P(p) for p in paragraphs]}
	d.update(kw)
	return d


def single(key, doc, via=None):
	f = {'name': key, 'docs': doc if isinstance(doc, list) else [doc]}
	if via:
		f['via'] = via
	return {'key': key, 'files': [f]}


def folder(key, files, answers=None):
	app = {'key': key, 'files': [
		{'name': n, 'docs': [d], **({'via': v} if v else {})}
		for n, d, v in files]}
	if answers is not None:
		app['answers'] = answers
	return app

# ---------------------------------------------------------------- data
#
# Each applicant's expected reading is in samples/EXPECTED.tsv (by hand).
# Dates: docProps dcterms:modified is the document's own date ("present").

AMARA = resume(
    'Amara Okafor',
    ['amara.okafor@example.com', '+1 555-0101', 'Toronto, ON',
     'linkedin.example.org/in/amaraokafor'],
    '2026-11-02T09:14:00Z', [
    H1('Personal Statement'),
    P('Integration engineer with ten years of building and running the '
      'connections between ERP, CRM and logistics platforms. I enjoy the '
      'unglamorous parts of integration work: agreeing field mappings with '
      'partner teams before a line of code is written, writing the runbook '
      'before go-live, and making sure the on-call engineer at 3 a.m. knows '
      'who to call. I am applying for the Lead Integration Engineer role '
      'because your move from point-to-point feeds to an event-driven '
      'platform is exactly the work I have led at Northwind.'),
    H1('Experience'),
    H2('Senior Integration Engineer, Northwind Freight, Toronto'),
    P('Jan 2019 – Present'),
    UL('Designed and configured 40+ REST and SOAP endpoints in MuleSoft '
       'Anypoint, fronted by Apigee with OAuth 2.0 (client credentials and '
       'authorization code with PKCE) and SAML 2.0 single sign-on for the '
       'partner portal.',
       'Built the shipment event backbone on Apache Kafka (18 topics, '
       'Avro schemas in Confluent Schema Registry); moved 60% of nightly '
       'batch feeds to near-real-time events.',
       'Wrote DataWeave transformations between SAP IDocs, Salesforce '
       'objects and carrier JSON APIs; every payload is validated against '
       'JSON Schema and rejected messages go to a dead-letter queue with '
       'a reconciliation report.',
       'Defined health checks, latency and error-rate alert thresholds in '
       'Datadog, PagerDuty routing and an escalation matrix for every '
       'handoff between the integration, SAP and carrier-support teams; '
       'wrote 25 runbooks.',
       'Ran weekly alignment sessions with partner teams, tracked '
       'cross-team dependencies in Jira, and built WireMock mock endpoints '
       'and Pact contract tests that run in the GitLab CI pipeline.'),
    H2('Integration Developer, Halcyon Insurance, Hamilton'),
    P('Jun 2016 – Dec 2018'),
    UL('Developed SOAP web services (WSDL-first) and XSLT mappings between '
       'the policy administration system and broker portals.',
       'Configured RabbitMQ queues and retry policies for claims '
       'notifications; added idempotency keys to stop duplicate claims.',
       'Automated regression suites with Postman and Newman in Jenkins.'),
    H1('Education'),
    P('B.Sc. Computer Science, University of Waterloo, 2016'),
    H1('Certifications'),
    UL('MuleSoft Certified Developer - Level 1 (2019)',
       'Confluent Certified Developer for Apache Kafka (2021)',
       'Apigee Certified API Engineer (2022)'),
    H1('Skills'),
    TABLE(['Area', 'Tools'],
          ['Integration platforms', 'MuleSoft Anypoint, Apigee, Kong'],
          ['Messaging', 'Apache Kafka, RabbitMQ, Amazon SQS'],
          ['Data', 'DataWeave, XSLT, JSON Schema, Avro, SQL'],
          ['Operations', 'Datadog, PagerDuty, Grafana, Splunk'],
          ['Testing', 'WireMock, Pact, Postman/Newman, MUnit']),
])

DIEGO = resume(
    'Diego Hernández',
    ['diego.hernandez@example.com', '555-0102', 'Austin, TX'],
    '2026-10-20T16:40:00Z', [
    H1('Summary'),
    P('Lead integration engineer with twelve years in healthcare, retail '
      'and banking. Owns integration platforms end to end: API gateway, '
      'message broker, mappings, monitoring and the people processes around '
      'them.'),
    H1('Professional Experience'),
    H2('Lead Integration Engineer — Corvid Health Systems (Mar 2021 – Present)'),
    UL('Lead a team of six integration engineers on Dell Boomi and Kong '
       'Gateway; 120 production processes between Epic, Workday and 30 '
       'payer APIs.',
       'Set up SAML 2.0 federation and OAuth 2.0 token exchange for partner '
       'APIs; rotate client secrets through HashiCorp Vault.',
       'Designed HL7 v2 to FHIR R4 mappings with validation of every '
       'resource against the FHIR profiles; zero data-loss incidents in '
       'three years.',
       'Introduced synthetic health checks and SLO-based alert thresholds in '
       'Datadog; own the escalation matrix and on-call rota in PagerDuty.',
       'Run quarterly alignment sessions with the EHR, payroll and vendor '
       'teams; maintain the integration dependency map and release '
       'calendar.'),
    H2('Integration Engineer — Bluepeak Retail Group (Aug 2017 – Feb 2021)'),
    UL('Built REST and SOAP endpoints for store, e-commerce and warehouse '
       'systems in Boomi; RabbitMQ for order events (30k messages/hour).',
       'XSLT and Boomi map components for EDI 850/856 documents; schema '
       'validation and reconciliation reports for finance.',
       'Created WireMock stubs and Postman collections so store teams could '
       'test before the vendor APIs existed; ran them in Azure DevOps CI.'),
    H2('Software Developer — Tessera Bank (Sep 2014 – Jul 2017)'),
    UL('Java services on IBM MQ for payments; wrote runbooks for the '
       'operations bridge.'),
    H1('Education'),
    P('M.Sc. Software Engineering, University of Texas at Dallas, 2014'),
    P('B.Sc. Computer Engineering, Tecnológico de Monterrey, 2012'),
    H1('Certifications'),
    UL('Boomi Professional Integration Developer', 'Kong Certified Associate',
       'AWS Certified Solutions Architect – Associate'),
])

DIEGO_LETTER = letter(
    'Diego Hernández', ['diego.hernandez@example.com', '555-0102'],
    '2026-10-20T16:45:00Z', [
    'Dear Mr. Mahoney,',
    'I am writing to apply for the Lead Integration Engineer position. For '
    'twelve years I have connected systems that were never designed to talk '
    'to each other, and I have learnt that the hard part is rarely the code: '
    'it is catching the mismatched field mapping before it reaches '
    'production, and making sure every team knows its escalation path when '
    'a handoff fails.',
    'At Corvid Health Systems I lead the integration team that runs 120 '
    'Boomi processes behind a Kong gateway, with RabbitMQ and Kafka for '
    'asynchronous flows. I introduced contract tests with mock endpoints, '
    'SLO-based alerting and runbooks that the support desk actually uses. '
    'Your posting mentions ITSM ticket synchronisation and observability '
    'for telemetry pipelines; both are areas where I have delivered '
    'measurable improvements (mean time to recovery down from four hours '
    'to forty minutes).',
    'I would welcome the chance to discuss how I could help your team.',
    'Kind regards,', 'Diego Hernández'])

DIVYA = resume(
    'Divya Raghavan',
    ['divya.raghavan@example.org', '555-0103', 'Leeds, UK'],
    '2026-11-20T10:00:00Z', [
    H1('Personal statement'),
    P('I build integrations that operations teams trust. I am looking for a '
      'role where I can own the full integration lifecycle, from API '
      'contracts and data mapping to monitoring and incident response, and '
      'your Integration Engineer role describes exactly that.'),
    H1('Work experience'),
    H2('Integration Engineer II, Lumen Grid Energy'),
    P('04/2021 - Present'),
    UL('Configured REST endpoints and policies in Azure API Management with '
       'OAuth 2.0 / Entra ID authentication and mutual TLS for '
       'meter-reading partners.',
       'Built Azure Logic Apps and Functions consuming Azure Service Bus '
       'topics; Liquid templates map partner payloads to our canonical '
       'model, validated with JSON Schema before they reach SAP.',
       'Set alert thresholds in Azure Monitor and wrote runbooks and an '
       'escalation matrix for the 24/7 service desk handoff.',
       'Maintained Postman/Newman suites run in Azure Pipelines on every '
       'pull request; mock APIs in APIM for partner onboarding.'),
    H2('Integration Analyst, Arbor Logistics'),
    P('01/2019 - 03/2021'),
    UL('Mapped EDI and CSV feeds from 40 carriers to the TMS; wrote '
       'validation rules and data-quality reports.',
       'Ran requirement alignment sessions with carriers and tracked '
       'dependencies in the onboarding plan.'),
    H1('Education'),
    P('B.Tech. Information Technology, Anna University, 2018'),
    H1('Certifications'),
    UL('Microsoft Certified: Azure Developer Associate (AZ-204)',
       'ITIL 4 Foundation'),
])

TOMASZ_LETTER = letter(
    'Tomasz Wójcik', ['tomasz.wojcik@example.com', '555-0104',
                      'Gdańsk, Poland'],
    '2026-11-28T08:00:00Z', [
    'Cover letter: Integration Engineer',
    'Dear Hiring Team,',
    'I have spent eleven years building payment and telecom integrations. '
    'At Kestrel Payments I run our Kong gateway and Kafka platform, and I '
    'am the person who insists on a contract test before a partner API goes '
    'live. I read your description of the role: respecting existing '
    'patterns while knowing when to adapt them is how I like to work.',
    'I would be glad to walk you through how we reduced failed settlement '
    'handoffs by 80% with better alert thresholds and a clear escalation '
    'matrix.',
    'Best regards, Tomasz Wójcik'])

TOMASZ = resume(
    'Tomasz Wójcik', ['tomasz.wojcik@example.com', '555-0104',
                      'Gdańsk, Poland'],
    '2026-11-28T08:00:00Z', [
    H1('Experience'),
    H2("Senior Integration Engineer, Kestrel Payments (Jan '19 – Present)"),
    UL('Own the Kong Gateway estate: 200 routes, OAuth 2.0 and JWT '
       'plugins, rate limits per partner.',
       'Kafka event streams for settlements; Kafka Connect to the ledger; '
       'schema validation and replay tooling for failed messages.',
       'SOAP/WSDL interfaces to two card schemes; XSLT transformations to '
       'ISO 20022 messages.',
       'Prometheus health checks and Grafana alert thresholds; runbooks and '
       'an escalation matrix shared with the 24/7 payments desk.',
       'Pact consumer-driven contract tests in the CI pipeline; '
       'dependency tracking across six teams for each release.'),
    H2("Middleware Developer, Vistula Telecom (Jul '15 – Dec '18)"),
    UL('Oracle Service Bus and WebLogic JMS for provisioning flows; '
       'field mapping between CRM and billing.'),
    H1('Education'),
    P('M.Sc. Computer Science, Gdańsk University of Technology, 2015'),
    H1('Certifications'),
    UL('Kong Certified Associate (2023)',
       'Confluent Certified Administrator for Apache Kafka (2022)'),
])

HANNAH = resume(
    'Hannah Lindqvist',
    ['hannah.lindqvist@example.com', '555-0105', 'Stockholm'],
    None, [
    H1('Profile'),
    P('SAP integration architect. Eleven years with one consultancy.'),
    H1('Experience'),
    H2('Fjord Systems Consulting, Stockholm, March 2015 to date'),
    P('Integration Architect (2022 - present)'),
    UL('Architect for a retail client moving from SAP PI/PO to SAP '
       'Integration Suite; Apigee as API gateway with OAuth 2.0 and SAML '
       'bearer assertions to S/4HANA.',
       'Event mesh on Solace PubSub+ for stock and price events.',
       'Own the runbooks, health checks and alert thresholds in SAP Cloud '
       'ALM and the escalation matrix with the client service desk.'),
    P('Senior Integration Consultant (2019 - 2022)'),
    UL('IDoc, SOAP and REST interfaces; message mappings and XSLT; value '
       'mapping and payload validation for 300 interfaces.',
       'Mock endpoints in SoapUI and automated regression suites; '
       'dependency tracking in cutover plans.'),
    P('Integration Consultant (2015 - 2019)'),
    UL('Built ActiveMQ and SAP PI interfaces for logistics clients.'),
    H1('Education'),
    P('B.Sc. Information Systems, Uppsala University, 2014'),
    H1('Certifications'),
    UL('SAP Certified Development Associate - SAP Integration Suite',
       'TOGAF 9 Certified'),
])
HANNAH['date'] = '2026-11-28T00:00:00Z'   # unused for text files

SAMUEL = resume(
    'Samuel Adeyemi',
    ['samuel.adeyemi@example.com', '555-0106', 'Manchester, UK'],
    '2026-11-10T12:00:00Z', [
    H1('Summary'),
    P('Integration engineer (ten years) who builds open-source based '
      'integration platforms: WSO2, Apache Camel and RabbitMQ.'),
    H1('Experience'),
    H2('Integration Engineer, Harbour Line Logistics'),
    P('Since 2018'),
    UL('Run WSO2 API Manager as the API gateway for 90 partner APIs; '
       'OAuth 2.0 client credentials and API keys, throttling tiers.',
       'Apache Camel routes on RabbitMQ for booking and tracking events; '
       'Jolt and JSON Schema for mapping and validation of partner payloads.',
       'Prometheus and Opsgenie alerts with documented thresholds; runbooks '
       'for every route; on-call escalation policy.',
       'Camel test kit and WireMock for integration tests in GitHub '
       'Actions; weekly dependency review with partner onboarding.'),
    H2('Freelance API Consultant (part-time)'),
    P('2020–2023'),
    UL('Shopify and Xero integrations for small retailers.'),
    H2('Junior Developer, Sunrise Telecom'),
    P('2016–2018'),
    UL('PHP and SOAP services for number porting.'),
    H1('Education'),
    P('Higher National Diploma (HND) in Computing, Manchester College, 2016'),
    H1('Training'),
    UL('Certified Kubernetes Application Developer (CKAD), 2023',
       'RabbitMQ training (CloudAMQP), 2019'),
])

SAMUEL_LETTER = '''Samuel Adeyemi
samuel.adeyemi@example.com | 555-0106

Dear hiring manager,

I'm applying for the Integration Engineer role. I have run an API gateway
and a RabbitMQ-based integration platform for eight years at Harbour Line
Logistics, and before that I maintained SOAP services for a telecom.

What I think I would bring: I map fields with the partner in the room
rather than guessing from a sample file, I test against mock endpoints
before partners are ready, and I write the runbook before go-live. I also
know when a setup template is a starting point and not a rule.

Thank you for reading,
Samuel
'''

LUCIA = resume(
    'Lucia Moretti',
    ['lucia.moretti@example.com', '555-0107', 'Milan'],
    '2026-05-31T18:00:00Z', [
    H1('Experience'),
    H2('Integration Developer — Vela Insurance'),
    P('Feb 2022 – Present'),
    UL('Set up REST endpoints on Apigee for the claims portal; configured '
       'OAuth 2.0 client credentials and API key verification policies.',
       'Mapped fields between the policy system (XML) and the portal (JSON) '
       'and added validation of mandatory fields and code lists.',
       'Published claim status events to Google Pub/Sub.',
       'Monitored the integration dashboards during releases.'),
    H2('Junior Java Developer — Portofino Software'),
    P('Sep 2020 – Jan 2022'),
    UL('Spring Boot web services for a booking application; worked with QA '
       'on test cases.'),
    H1('Education'),
    P('B.Sc. Computer Engineering, Politecnico di Milano, 2020'),
    H1('Skills'),
    P('Apigee, Java, Spring Boot, REST, OAuth 2.0, XML, JSON, Google Cloud'),
    H1('Languages'),
    P('Italian (native), English (C1)'),
])

KEVIN = resume(
    'Kevin Osei',
    ['kevin.osei@example.com', '555-0108', 'Birmingham, UK'],
    '2026-11-12T08:30:00Z', [
    H1('Profile'),
    P('Application support analyst who looks after the booking platform '
      'and its interfaces.'),
    H1('Experience'),
    H2('Application Support Analyst, Meridian Travel'),
    P('Jun 2023 – Present'),
    UL('First-line owner of alerts for the booking platform: acknowledge '
       'PagerDuty alerts, triage, follow the runbook, escalate to the '
       'integration team.',
       'Monitor RabbitMQ queue depths and restart stuck consumers following '
       'the documented procedure; updated six runbooks after incidents.',
       'Reproduce supplier API errors with Postman for the developers.'),
    H2('IT Helpdesk Technician, Meridian Travel'),
    P('Jan 2022 – May 2023'),
    UL('Password resets, laptop builds, Office 365 support.'),
    H1('Education'),
    P('A-levels: Mathematics, Business Studies, ICT (2021)'),
    H1('Certifications'),
    UL('ITIL 4 Foundation (2023)', 'CompTIA A+ (2022)'),
])

MEI = resume(
    'Mei Chen', ['mei.chen@example.com', '555-0109', 'Vancouver, BC'],
    '2026-11-05T11:00:00Z', [
    H1('Experience'),
    H2('Backend Engineer, Quillon Media (Oct 2021 – Present)'),
    UL('Built REST endpoints in Spring Boot for the media catalogue, '
       'published through AWS API Gateway with Cognito JWT authentication.',
       'Published catalogue-change events to Apache Kafka for the search '
       'team.',
       'Improved p95 latency of the catalogue API from 400 ms to 120 ms.'),
    H2('Graduate Software Engineer, Quillon Media (Sep 2020 – Sep 2021)'),
    UL('Rotated through the web, mobile and backend teams.'),
    H1('Education'),
    P('B.A.Sc. Computer Engineering, University of British Columbia, 2020'),
    H1('Skills'),
    P('Java, Kotlin, Spring Boot, PostgreSQL, AWS (Lambda, API Gateway, '
      'Cognito), Kafka'),
])

MEI_LETTER = letter(
    'Mei Chen', ['mei.chen@example.com', '555-0109'],
    '2026-11-05T11:10:00Z', [
    'Dear Hiring Manager,',
    'I would like to apply for the Integration Engineer role. As a backend '
    'engineer I have built REST endpoints behind AWS API Gateway with JWT '
    'authentication and published events to Kafka, and the parts of my job '
    'I enjoy most are the ones where our services meet other teams\' '
    'systems: agreeing the contract, mapping fields, and handling what '
    'happens when a message fails.',
    'I want to make integration my specialty. I am studying for the '
    'MuleSoft Developer certification and I am particularly interested in '
    'your move to an event-driven ITSM integration.',
    'Sincerely,', 'Mei Chen'])

JORDAN = resume(
    'Jordan Blake', ['jordan.blake@example.com', '555-0110', 'Denver, CO'],
    '2026-11-20T20:00:00Z', [
    H1('Summary'),
    P('Associate integration engineer, MuleSoft certified, graduated 2025.'),
    H1('Experience'),
    H2('Associate Integration Engineer, Copperleaf Utilities'),
    P('Jun 2025 – Present'),
    UL('Build MuleSoft Anypoint APIs (REST, RAML specs) with OAuth 2.0 '
       'client enforcement policies, under a senior engineer.',
       'DataWeave mappings from the billing system to Salesforce; JSON '
       'Schema validation of inbound meter payloads.',
       'Consume Apache Kafka topics for outage notifications.',
       'Write MUnit tests and mock endpoints; tests run in the CI pipeline.'),
    H1('Education'),
    P('B.S. Computer Science, Colorado State University, May 2025'),
    P('Capstone: a webhook relay with retries and exponential backoff.'),
    H1('Certifications'),
    UL('MuleSoft Certified Developer - Level 1 (2025)'),
])

OWEN = resume(
    'Owen Gallagher',
    ['owen.gallagher@example.com', '555-0111', 'Dublin'],
    None, [
    H1('Summary'),
    P('Integration engineer with hands-on Kong and RabbitMQ work in '
      'logistics. Joined industry after a master\'s degree in 2023.'),
    H1('Experience'),
    H2('Integration Engineer, Saltmarsh Logistics, Mar 2024 – Present'),
    UL('Configure Kong Gateway routes and the OAuth 2.0 plugin for '
       'carrier REST APIs; wrote the SOAP adapter for a legacy customs '
       'service.',
       'RabbitMQ exchanges and dead-letter queues for tracking events.',
       'Field mapping and JSON Schema validation for 12 carriers.',
       'Health-check endpoints and Grafana alerts; wrote the on-call '
       'runbook and escalation list.',
       'WireMock stubs and Postman tests in GitLab CI.'),
    H1('Education'),
    P('M.Sc. Computer Science, Trinity College Dublin, 2023'),
    P('B.Sc. Computer Science, University College Cork, 2022'),
])

GARETH = resume(
    'Gareth Pryce', ['gareth.pryce@example.com', '555-0112', 'Cardiff'],
    '2026-11-03T07:45:00Z', [
    H1('Summary'),
    P('ETL and data warehouse developer with over ten years of batch data '
      'integration in utilities and local government.'),
    H1('Experience'),
    H2('Senior ETL Developer, Brightwater Water Services'),
    P('Jan 2019 – Present'),
    UL('Design Informatica PowerCenter and SSIS workflows loading 200 '
       'nightly flat-file and database extracts into the Oracle warehouse.',
       'Field-level mapping specifications, transformation rules and '
       'reconciliation checks (row counts, control totals) for every feed.',
       'Schedule job chains in Control-M with failure alerts and SLA '
       'thresholds; wrote runbooks for the overnight operations team and '
       'the escalation rota.',
       'Receive supplier files over SFTP; validate file layouts and reject '
       'malformed records to a quarantine table.'),
    H2('Data Warehouse Developer, Kingsbridge Council'),
    P('2015–2018'),
    UL('SQL Server stored procedures and SSIS packages for council tax and '
       'housing reporting.'),
    H1('Education'),
    P('B.Sc. Mathematics, Swansea University, 2014'),
    H1('Certifications'),
    UL('Informatica PowerCenter Data Integration Developer',
       'Microsoft Certified: Azure Data Fundamentals'),
])

OLIVIA = resume(
    'Olivia Brandt', ['olivia.brandt@example.com', '555-0113', 'Hamburg'],
    '2026-11-15T15:00:00Z', [
    H1('Experience'),
    H2('Integration Engineer, Pinecrest Bank'),
    P('Feb 2020 – Present'),
    UL('Build MuleSoft APIs (REST and SOAP) for the core banking system '
       'with OAuth 2.0 and mutual TLS.',
       'DataWeave mappings and schema validation between SWIFT MT messages '
       'and the internal JSON model.',
       'Azure Service Bus consumers for payment status since 2024.',
       'Splunk alerts and runbooks for payment interfaces; member of the '
       'escalation rota.',
       'MUnit tests with mocked endpoints; dependency tracking for '
       'quarterly releases.'),
    H1('Education'),
    P('M.Sc. Business Informatics, Universität Hamburg, 2019'),
    H1('Certifications'),
    UL('MuleSoft Certified Developer - Level 1'),
])

OLIVIA_LETTER = letter(
    'Olivia Brandt', ['olivia.brandt@example.com', '555-0113'],
    '2026-11-15T15:05:00Z', [
    'Dear Mr. Mahoney,',
    'I am applying for the Integration Engineer role. I have six years of '
    'MuleSoft work at Pinecrest Bank, building REST and SOAP APIs, mapping '
    'SWIFT messages and writing the runbooks for our payment interfaces.',
    'I answered "No" to the question about three years with API gateways '
    'and message brokers, because our gateway is run by another team and '
    'I have used Azure Service Bus only since 2024. I hope you will still '
    'consider my application.',
    'Best regards,', 'Olivia Brandt'])

CHLOE = resume(
    'Chloé Dubois', ['chloe.dubois@example.com', '555-0114', 'Lyon'],
    '2026-11-08T09:00:00Z', [
    H1('Profile'),
    P('Head pastry chef with twelve years in hotel and restaurant kitchens. '
      'Creative, organised, calm during service.'),
    H1('Experience'),
    H2('Head Pastry Chef, Maison Lumière, Lyon'),
    P('Apr 2018 – Present'),
    UL('Lead a brigade of five; plated desserts for a 60-cover restaurant '
       'and a wedding cake service.',
       'HACCP health checks and temperature alert thresholds on blast '
       'chillers; daily logs for inspections.',
       'Mapped allergen data for every recipe onto the menu system.',
       'Tracked supplier dependencies for seasonal fruit and chocolate.'),
    H2('Pastry Cook, Hôtel Belvédère, Annecy'),
    P('Sep 2014 – Mar 2018'),
    UL('Viennoiserie, entremets and breakfast buffet for 300 guests.'),
    H1('Education'),
    P('CAP Pâtissier, École Ferrandi, 2014'),
    H1('Skills'),
    TABLE(['Skill', 'Level'], ['Chocolate work', 'Expert'],
          ['Sugar work', 'Advanced'], ['Food cost control', 'Advanced']),
])

ESTHER = resume(
    'Esther Wanjiru', ['esther.wanjiru@example.org', '555-0115', 'Nairobi'],
    '2026-11-28T08:00:00Z', [
    H1('Professional Summary'),
    P('Registered nurse with nine years on acute medical wards; Epic EHR '
      'super-user and preceptor for new graduates.'),
    H1('Experience'),
    H2('Registered Nurse, St. Aldric General Hospital'),
    P('Aug 2017 – Present'),
    UL('Care for six to eight acute medical patients per shift; SBAR '
       'handoffs at every shift change.',
       'Respond to early-warning score alerts and follow the rapid '
       'response escalation protocol.',
       'Epic EHR super-user: trained 40 staff on charting and medication '
       'administration records.'),
    H1('Education'),
    P('Bachelor of Science in Nursing (BSN), University of Nairobi, 2017'),
    H1('Licences and Certifications'),
    UL('Registered Nurse, Nursing Council of Kenya',
       'Basic Life Support (BLS)', 'Advanced Cardiac Life Support (ACLS)'),
])

MARCUS = resume(
    'Marcus Reed', ['marcus.reed@example.com', '555-0116', 'Chicago, IL'],
    None, [
    H1('Summary'),
    P('Quota-crushing sales leader in enterprise software. Ten years of '
      'B2B sales; the last six selling integration platform (iPaaS) '
      'subscriptions to CIOs.'),
    H1('Experience'),
    H2('Regional Sales Manager, Cloudbridge Software, Jan 2020 – Present'),
    UL('Grew Midwest ARR from $4M to $11M selling API and integration '
       'subscriptions.',
       'Partnered with solution engineers on REST API demos and proof of '
       'concept scoping.',
       'Managed a team of eight account executives; 132% of quota in 2025.'),
    H2('Account Executive, Orbital Office Supplies, May 2016 – Dec 2019'),
    UL('Top performer in three of four years; Salesforce power user.'),
    H1('Education'),
    P('B.A. Communications, University of Illinois, 2016'),
    H1('Awards'),
    UL("President's Club 2022, 2023, 2025"),
])

NIKOLAI = resume(
    'Nikolai Petrov',
    ['nikolai.petrov@example.com', '555-0117', 'Tallinn'],
    '2026-11-11T13:00:00Z', [
    H1('Experience'),
    H2('Senior Integration Engineer, Aurora Mobility'),
    P('Jan 2020 – Present'),
    UL('MuleSoft Anypoint APIs for ride-booking partners: REST endpoints, '
       'SAML SSO for the partner console, OAuth 2.0 for the public API.',
       'Event streaming on Apache Kafka and Anypoint MQ; idempotent '
       'consumers and dead-letter handling.',
       'DataWeave field mapping between Salesforce, SAP and the booking '
       'platform with payload validation and reconciliation.',
       'Splunk dashboards, alert thresholds and PagerDuty escalation '
       'policies; runbooks for every production flow.',
       'MUnit suites with mocked connectors; contract tests in Jenkins; '
       'fortnightly alignment sessions with partner engineering teams.'),
    H2('Integration Developer, Baltic Freight'),
    P('Apr 2017 – Dec 2019'),
    UL('SOAP and REST services on Mule 3; XSLT mappings for customs '
       'declarations; ActiveMQ queues.'),
    H1('Education'),
    P('M.Sc. Computer Science, Tallinn University of Technology, 2017'),
    H1('Certifications'),
    UL('MuleSoft Certified Integration Architect - Level 1',
       'MuleSoft Certified Developer - Level 2'),
])

NIKOLAI_LETTER = letter(
    'Nikolai Petrov', ['nikolai.petrov@example.com', '555-0117'],
    '2026-11-11T13:05:00Z', [
    'To whom it may concern,',
    'I am excited to apply for the Store Manager position at Greenleaf '
    'Garden Centres. I have always loved plants and outdoor living, and I '
    'believe my organisational skills and friendly personality would make '
    'me a great fit for your team.',
    'In my free time I grow vegetables and volunteer at a community '
    'garden. I am a hard worker and a quick learner.',
    'Thank you for your consideration.', 'Nikolai Petrov'])

AISHA = resume(
    'Aisha Bello', ['aisha.bello@example.com', '555-0118', 'Leicester'],
    '2026-11-14T19:00:00Z', [
    H1('Experience'),
    H2('IT Support Technician, Greenhill Schools Trust'),
    P('Sep 2022 – Present'),
    UL('Support 600 staff: accounts, printers, laptops, Google Workspace.',
       'Set up Zapier automations from Google Forms to Sheets for the '
       'admissions office.'),
    H2('Retail Assistant, Northgate Books'),
    P('Mar 2020 – Aug 2022'),
    UL('Tills, stock, customer service.'),
    H1('Education'),
    P('BTEC Level 3 Extended Diploma in IT, 2019'),
    H1('Certificates'),
    UL('Google IT Support Professional Certificate (2022)'),
])

AISHA_LETTER = letter(
    'Aisha Bello', ['aisha.bello@example.com', '555-0118'],
    '2026-11-14T19:10:00Z', [
    'Dear Hiring Manager,',
    'I am applying for the Integration Engineer role because integration '
    'is the work I want to do for the rest of my career. In my current '
    'support job I saw how a single mismatched field between our admissions '
    'form and the student information system created weeks of manual '
    'clean-up, and I started learning how integrations should be built.',
    'Over the past year I have completed an online course on API '
    'integration: REST and SOAP endpoints, OAuth 2.0 authorisation code '
    'flows, webhooks, field mapping between systems, validating payloads '
    'against a JSON Schema, retries with exponential backoff and idempotent '
    'writes. I built a small project that syncs helpdesk tickets to a '
    'spreadsheet, with mock endpoints and an automated test suite, and I '
    'wrote a runbook and alert thresholds for it as if it were production.',
    'I know my resume shows support work rather than integration '
    'engineering, but I would bring care for data integrity, clear '
    'communication with the people affected by a handoff, and a real '
    'eagerness to learn.',
    'Kind regards,', 'Aisha Bello'])

BEN = resume(
    'Benjamin Carter',
    ['ben.carter@example.com', '555-0142', 'Halifax, NS'],
    '2026-10-15T10:00:00Z', [
    H1('Summary'),
    P('Integration engineer on Google Cloud: Apigee, Pub/Sub and Kafka.'),
    H1('Experience'),
    H2('Integration Engineer, Tidewater Ports Authority'),
    P('Jul 2021 – Present'),
    UL('Apigee X proxies for 50 REST endpoints; OAuth 2.0 and mTLS for '
       'shipping lines and customs brokers.',
       'Google Pub/Sub and Apache Kafka for vessel and container events.',
       'Field mapping from EDIFACT BAPLIE and COPRAR to JSON; JSON Schema '
       'validation and a reconciliation job for data integrity.',
       'Datadog monitors with alert thresholds; runbooks and the escalation '
       'matrix for the port operations centre.',
       'Postman/Newman and WireMock test suites in Cloud Build; dependency '
       'tracking with the terminal operators.'),
    H2('Integration Developer, Foxglove Insurance'),
    P('Jan 2018 – Jun 2021'),
    UL('SOAP services and XSLT on TIBCO BusinessWorks; TIBCO EMS queues.'),
    H1('Education'),
    P('B.Sc. Computer Science, Dalhousie University, 2017'),
    H1('Certifications'),
    UL('Google Cloud Professional Cloud Developer', 'Apigee API Engineer'),
])

BEN2 = copy.deepcopy(BEN)
BEN2['name'] = 'Ben J. Carter'
BEN2['date'] = '2026-11-28T08:00:00Z'
BEN2['blocks'][1] = P('Integration engineer (8+ years): Apigee, Pub/Sub, '
                      'Kafka, TIBCO. Open to relocation.')

DEREK = resume(
    'derek haines', ['derek.haines@example.com', '555-0120'],
    '2026-11-18T22:00:00Z', [
    P('intgration enginer with lots of experiance'),
    P('job history'),
    P('Redfern Couriers 2021 - now, intergration engineer'),
    UL('made REST apis in mulesoft and the oauth for them, recieve '
       'messages from rabbitmq',
       'mapped feilds from the courier sytem to are warehouse sytem',
       'fixed alot of bugs when things broke at nite'),
    P('skils: mulesoft, java, rabbitmq, sql, postman, jira, excell'),
    P('devloper at smal web agency 2019-2021'),
    UL('wordpress sites and some php, also conected stripe payments'),
    P('hobbys football, gaming'),
    P('refrences avalable on request'),
], plain=True, contact_in_body=True)

YUSUF = resume(
    'Yusuf Demir', ['yusuf.demir@example.com', '555-0121', 'Istanbul'],
    '2019-06-01T10:00:00Z', [
    H1('Summary'),
    P('Integration developer building MuleSoft APIs for a logistics '
      'company.'),
    H1('Experience'),
    H2('Integration Developer, Lindenfeld Logistics'),
    P('2018 - Present'),
    UL('Build REST APIs on Mule 3.9 with OAuth 2.0 and API Manager '
       'policies for warehouse partners.',
       'RabbitMQ queues for order and stock events.',
       'DataWeave 1.0 field mapping between SAP and the partner JSON '
       'format, with schema validation.',
       'MUnit tests with mocked HTTP endpoints; joined sprint alignment '
       'meetings with the SAP team.'),
    H1('Education'),
    P('B.Sc. Computer Engineering, Boğaziçi University, 2017'),
    H1('Certifications'),
    UL('MuleSoft Certified Developer - Level 1 (Mule 3), 2018'),
], created='2019-05-20T09:00:00Z')

RHEA = resume(
    'Rhea Kapoor', ['rhea.kapoor@example.com', '555-0122', 'Pune'],
    None, [
    H1('Cover note'),
    P('I am applying for the Integration Engineer role. I started in QA '
      'automation for our pharmacy APIs and moved into building them; I '
      'care about contract tests, payload validation and clean handoffs to '
      'support.'),
    H1('Experience'),
    H2('Integration Engineer, Marlow Pharmacy Group, Aug 2021 – Present'),
    UL('Kong Gateway routes and the OpenID Connect plugin for pharmacy and '
       'insurer REST APIs; SOAP bridge to the legacy claims switch.',
       'RabbitMQ events for prescriptions; JSON Schema validation and '
       'mapping to the HL7 FHIR MedicationRequest resource.',
       'Built a CSV import validator that rejects spreadsheet formulas such '
       'as =1+1 or @SUM(A1) in partner files.',
       'Grafana alert thresholds and runbooks; escalation matrix with the '
       'insurer support desks.',
       'Pact and Postman suites in Jenkins; mock insurer endpoints with '
       'WireMock.'),
    H2('QA Automation Engineer, Marlow Pharmacy Group, Jan 2020 – Jul 2021'),
    UL('REST Assured API tests; test data management for integration '
       'environments.'),
    H1('Education'),
    P('B.E. Information Technology, University of Pune, 2019'),
    H1('Certifications'),
    UL('ISTQB Foundation Level', 'Kong Gateway Foundations'),
])

LEA = resume(
    '<script>alert(1)</script>Lea Hoffmann',
    ['lea.hoffmann@example.com', '555-0123', 'Munich'],
    '2026-11-06T09:00:00Z', [
    H1('Summary'),
    P('Integration engineer for retail systems. <img src=x '
      'onerror=alert(2)> "quotes" & ampersands & <b>tags</b> belong in '
      'text, not in markup.'),
    H1('Experience'),
    H2('Integration Engineer, Steinberg Retail'),
    P('Oct 2020 – Present'),
    UL('Tyk API Gateway for store and e-commerce REST APIs; OAuth 2.0 and '
       'OpenID Connect with Keycloak.',
       'RabbitMQ and Apache Camel routes for price, stock and order events.',
       'XSLT and JSON Schema validation of supplier catalogues; field '
       'mapping workshops with the buying department.',
       'Health checks and alert thresholds in Grafana; runbooks and the '
       'escalation matrix for the store support desk.',
       'WireMock mock endpoints and Testcontainers suites in GitLab CI.'),
    H1('Education'),
    P('B.Sc. Informatik, Technische Universität München, 2020'),
    H1('Certifications'),
    UL('Red Hat Certified Enterprise Application Developer'),
], title='<script>alert(3)</script>')

INES = resume(
    'Inês Carvalho', ['ines.carvalho@example.com', '555-0124', 'Lisbon'],
    '2026-11-09T14:00:00Z', [
    H1('Personal statement'),
    P('Integration engineer for telecom and energy. I enjoy turning '
      'messy multi-vendor landscapes into documented, monitored, tested '
      'integrations, and I would like to do that for your ITSM and ITOM '
      'integrations.'),
    H1('Experience'),
    TABLE(['Dates', 'Role', 'Employer'],
          ['Jan 2023 – Present', 'Integration Engineer (contract)',
           'Solbright Energy'],
          ['03/2019 – 02/2023', 'Integration Engineer', 'Atlântico Telecom'],
          ['Sep 2013 – Aug 2017', 'Software Developer',
           'Porto Digital Labs']),
    H2('Solbright Energy'),
    UL('ServiceNow to Jira and PagerDuty integrations through MuleSoft; '
       'REST endpoints with OAuth 2.0; Kafka for telemetry events.',
       'Alert thresholds and runbooks for the ITOM ingestion pipeline.'),
    H2('Atlântico Telecom'),
    UL('WSO2 API Manager and IBM MQ; SOAP and REST endpoints for order '
       'management.',
       'XSLT and DataWeave mappings; validation and reconciliation reports.',
       'Mock endpoints and automated regression suites; dependency tracking '
       'for network migrations.'),
    H2('Porto Digital Labs'),
    UL('Java web applications and SOAP clients.'),
    H1('Education'),
    P('Licenciatura (B.Sc.) in Informatics Engineering, Universidade do '
      'Porto, 2013'),
    H1('Certifications'),
    UL('MuleSoft Certified Developer - Level 1 (2019)'),
])

KWAME = resume(
    'Kwame Asante', ['kwame.asante@example.com', '555-0125', 'Accra'],
    '2026-11-28T08:00:00Z', [
    H1('Profile'),
    P('Lead integration engineer on IBM integration stacks.'),
    H1('Experience'),
    H2('Lead Integration Engineer, Savanna Logistics — Since 2018'),
    UL('IBM API Connect as the gateway for 70 REST and SOAP APIs; OAuth 2.0 '
       'and WS-Security for customs and banking partners.',
       'IBM MQ and Kafka for shipment events; IBM App Connect Enterprise '
       'message flows with ESQL and XSLT mappings and schema validation.',
       'Instana health checks and alert thresholds; runbooks and the '
       'escalation matrix for the network operations centre.',
       'Mock services and automated regression suites in Jenkins; monthly '
       'alignment sessions with partner IT teams.'),
    H2('Senior Integration Developer, Gold Coast Telecom — 2014–2018'),
    UL('WebSphere Message Broker flows for billing and provisioning.'),
    H1('Education'),
    P('M.Sc. Information Technology, KNUST, 2013'),
    H1('Certifications'),
    UL('IBM Certified Solution Developer - App Connect Enterprise',
       'TOGAF 9 Certified'),
])

KWAME_LETTER = letter(
    'Kwame Asante', ['kwame.asante@example.com', '555-0125'],
    '2026-11-28T08:00:00Z', [
    'Dear Ryan Mahoney,',
    'Your note on why this role is hard rings true: I have seen setup '
    'templates treated as strict rules pile up data debt. As lead '
    'integration engineer at Savanna Logistics I own our API gateway, our '
    'MQ and Kafka brokers, and the mapping standards, and I have spent the '
    'last two years paying down exactly that kind of debt.',
    'I would welcome a conversation about your ITSM and ITOM integration '
    'work.', 'Yours sincerely,', 'Kwame Asante'])

ELENA = resume(
    'Elena Vásquez', ['elena.vasquez@example.com', '555-0126', 'Madrid'],
    '2026-11-16T09:00:00Z', [
    H1('Experience'),
    H2('Integration Developer, Cobalt Consulting'),
    P('Jun 2023 – Present'),
    UL('Boomi processes for three clients: REST and SOAP connectors, '
       'OAuth 2.0 and SAML authentication to Salesforce and NetSuite.',
       'Azure Service Bus queues between Boomi and client applications.',
       'Field mapping and validation of order and invoice payloads; data '
       'integrity checks after each sync.'),
    H1('Education'),
    P('Máster en Ingeniería Informática, Universidad Politécnica de '
      'Madrid, 2023'),
    H1('Certifications'),
    UL('Boomi Professional Developer', 'Boomi Associate Developer'),
])

ELENA_LETTER = '''Dear Hiring Manager,

I am applying for the Integration Engineer position. For the last three
years I have built Boomi integrations for consulting clients: REST and SOAP
connectors, OAuth and SAML authentication, and Azure Service Bus queues.
I am most proud of the mapping reviews I introduced with each client, where
we compare field by field before building, which has caught several
mismatches that would have corrupted invoices.

I would like to join an in-house team where I can own integrations for the
long term, including their monitoring and testing.

Elena Vasquez
elena.vasquez@example.com
'''

# A file name cannot hold '/', so the URL has no scheme.
TARIQ = resume(
    'Tariq Hassan', ['tariq.hassan@example.com', '555-0127', 'Dubai'],
    '2026-11-28T08:00:00Z', [
    H1('Experience'),
    H2('Senior Integration Engineer, Qamar Airways'),
    P('Feb 2020 – Present'),
    UL('Apigee Edge proxies for booking, loyalty and baggage REST APIs; '
       'OAuth 2.0 for partners and SAML SSO for the agent portal.',
       'SOAP integrations with Amadeus and Sabre; XSLT mapping of NDC XML '
       'offers to our JSON booking model with schema validation.',
       'Azure Service Bus and Event Hubs for flight status and baggage '
       'events; idempotent consumers, dead-letter replay.',
       'New Relic health checks and alert thresholds per partner SLA; '
       'runbooks and the escalation matrix for the airline operations '
       'control centre.',
       'Karate API suites and Hoverfly mock endpoints in Azure Pipelines; '
       'alignment sessions with codeshare partners before each release.'),
    H2('Integration Engineer, Desert Rose Hotels'),
    P('May 2017 – Jan 2020'),
    UL('MuleSoft flows between Opera PMS, Salesforce and the booking '
       'engine; RabbitMQ for reservation events.'),
], sidebar=[
    H1('About me'),
    P('I connect airline and hotel systems that were never meant to talk '
      'to each other, and I keep them talking at 3 a.m. I want to bring '
      'that to your integration team.'),
    H1('Education'),
    P('B.Sc. Computer Science, American University of Sharjah, 2016'),
    H1('Certifications'),
    UL('Apigee Certified API Engineer',
       'Microsoft Certified: Azure Solutions Architect Expert'),
    H1('Languages'),
    P('Arabic, English, French'),
])

NOOR = resume(
    'Noor Haddad', ['noor.haddad@example.com', '555-0128', 'Amman'],
    '2026-11-19T17:00:00Z', [
    H1('Summary'),
    P('Salesforce administrator for a health charity: data quality, '
      'automation and reporting.'),
    H1('Experience'),
    H2('Salesforce Administrator, Cedar Health Charity'),
    P('Feb 2023 – Present'),
    UL('Maintain the field mapping and Data Loader import templates for '
       'donations from the fundraising platform; validation rules and '
       'duplicate rules keep supporter records clean.',
       'Build Flows for gift aid and thank-you letters; dashboards for the '
       'trustees.',
       'Updated the Named Credential settings when the donation platform '
       'changed its login, with the contractor who built the connector.'),
    H2('CRM Assistant, Cedar Health Charity'),
    P('Jan 2022 – Jan 2023'),
    UL('Data entry, deduplication and mail-merge campaigns.'),
    H1('Education'),
    P('B.A. History, University of Jordan, 2021'),
    H1('Certifications'),
    UL('Salesforce Certified Administrator (2023)'),
])

RHEA_KEY = '=HYPERLINK("example.com","x").txt'

APPLICANTS = [
    single('amara-okafor.docx', AMARA),
    folder('diego-hernandez', [('resume.docx', DIEGO, None),
                               ('cover-letter.docx', DIEGO_LETTER, None)],
           answers='# application form answers\nknockout: yes\n'
                   'source: careers site\n'),
    single('divya-raghavan.pdf', DIVYA),
    single('tomasz-wojcik.pdf', [TOMASZ_LETTER, TOMASZ], via='chromium'),
    single('hannah-lindqvist.txt', HANNAH),
    folder('samuel-adeyemi', [('resume.docx', SAMUEL, None),
                              ('cover-letter.txt', SAMUEL_LETTER, None)]),
    single('lucia-moretti.docx', LUCIA),
    single('kevin-osei.docx', KEVIN),
    folder('mei-chen', [('resume.docx', MEI, None),
                        ('cover-letter.docx', MEI_LETTER, None)]),
    single('jordan-blake.docx', JORDAN),
    single('owen-gallagher.txt', OWEN),
    single('gareth-pryce.docx', GARETH),
    folder('olivia-brandt', [('resume.docx', OLIVIA, None),
                             ('cover-letter.docx', OLIVIA_LETTER, None)],
           answers='# application form answers, exported 2026-11-15\n'
                   'knockout: no\n'),
    single('chloe-dubois.docx', CHLOE),
    single('esther-wanjiru.pdf', ESTHER),
    single('marcus-reed.txt', MARCUS),
    folder('nikolai-petrov', [('resume.docx', NIKOLAI, None),
                              ('cover-letter.docx', NIKOLAI_LETTER, None)]),
    folder('aisha-bello', [('resume.docx', AISHA, None),
                           ('cover-letter.docx', AISHA_LETTER, None)]),
    single('benjamin-carter.docx', BEN),
    single('ben-carter.pdf', BEN2, via='chromium'),
    single('derek-haines.docx', DEREK),
    single('yusuf-demir.docx', YUSUF),
    single(RHEA_KEY, RHEA),
    single('lea-hoffmann.docx', LEA),
    single('ines-carvalho.docx', INES),
    folder('kwame-asante', [('resume.pdf', KWAME, 'chromium'),
                            ('cover-letter.pdf', KWAME_LETTER, 'chromium')]),
    single('tariq-hassan.pdf', TARIQ, via='chromium'),
    single('noor-haddad.odt', NOOR),
    folder('elena-vasquez', [('resume.docx', ELENA, None),
                             ('cover-letter.txt', ELENA_LETTER, None)]),
]


def main(apps=None, render_one=None):
	"""Render APPS (default APPLICANTS) with RENDER_ONE (default render)
	into the folder of the command line, default samples/."""
	apps = APPLICANTS if apps is None else apps
	render_one = render if render_one is None else render_one
	outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
		os.path.dirname(os.path.abspath(__file__)), '..', '..',
		'samples')
	os.makedirs(outdir, exist_ok=True)
	with tempfile.TemporaryDirectory() as work:
		for app in apps:
			render_one(app, outdir, work)
			print(app['key'])


if __name__ == '__main__':
	main()
