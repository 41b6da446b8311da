#!/usr/bin/env python3
"""roles.py - renders the sample applicants of samples/ whose verdicts differ
between the two rule sets, Integration Engineer and Lead Integration
Engineer (criteria/integration-engineer, criteria/lead-integration-engineer):
strong builders without leadership, architects and leads who no longer
build, leaders of other trades or of other kinds of teams, and one lead who
is both.

Owns: the applicant files it names in APPLICANTS (nothing else in samples/).
Must not touch: samples/EXPECTED.tsv, samples/EXPECTED-lead.tsv and
samples/README.md (written by hand, from reading the documents).

Formats: DOCX, plain text and Chromium PDF through applicants.py's writers,
and two producers of its own: RTF written by hand (control words, \\info
dates) and a PDF written by hand (standard Helvetica fonts, WinAnsi text,
one content stream a page, Info dates), as small report generators make.

Usage: python3 tools/samples/roles.py [OUTDIR]   (default: samples/)
Output is deterministic but for the Chromium PDFs' creation time.
"""

import os
import sys
import textwrap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import applicants  # noqa: E402
from applicants import (H1, H2, P, UL, folder, render,  # noqa: E402
			resume, single, letter)

# ---------------------------------------------------------------- RTF


def rtf_text(s):
	out = []
	for ch in s:
		if ch in '\\{}':
			out.append('\\' + ch)
		elif ord(ch) > 127:
			out.append('\\u%d?' % ord(ch))
		else:
			out.append(ch)
	return ''.join(out)


def rtf_of(doc):
	"""A resume as a word processor's RTF: bold headings, \\bullet items,
	\\info with the revision time (the document's own date)."""
	y, mo, d = (int(x) for x in doc['date'][:10].split('-'))
	stamp = '\\yr%d\\mo%d\\dy%d\\hr9\\min0' % (y, mo, d)
	out = ['{\\rtf1\\ansi\\ansicpg1252\\deff0',
	       '{\\fonttbl{\\f0\\fswiss Arial;}}',
	       '{\\info{\\title Resume}{\\author %s}{\\creatim%s}{\\revtim%s}}'
	       % (rtf_text(doc['name']), stamp, stamp),
	       '\\f0\\fs21',
	       '{\\pard\\sa120\\b\\fs36 %s\\par}' % rtf_text(doc['name']),
	       '{\\pard\\sa120 %s\\par}' % rtf_text(' | '.join(doc['contact']))]
	for kind, val in doc['blocks']:
		if kind == 'h1':
			out.append('{\\pard\\sb240\\sa80\\b\\fs26 %s\\par}'
				   % rtf_text(val))
		elif kind == 'h2':
			out.append('{\\pard\\sb120\\sa40\\b %s\\par}'
				   % rtf_text(val))
		elif kind == 'p':
			out.append('{\\pard\\sa80 %s\\par}' % rtf_text(val))
		elif kind == 'ul':
			for item in val:
				out.append('{\\pard\\li360\\fi-240\\sa40 '
					   '\\bullet\\tab %s\\par}'
					   % rtf_text(item))
	out.append('}')
	return '\r\n'.join(out) + '\r\n'

# ---------------------------------------------------------------- PDF


def pdf_string(s):
	b = s.encode('cp1252')
	return b'(' + b.replace(b'\\', b'\\\\').replace(b'(', b'\\(') \
		.replace(b')', b'\\)') + b')'


def pdf_lines(doc):
	"""(font, size, indent, text) per line, wrapped for an A4 page."""
	lines = [('F2', 18, 0, doc['name']),
		 ('F1', 9.5, 0, ' | '.join(doc['contact'])), None]
	for kind, val in doc['blocks']:
		if kind == 'h1':
			lines += [None, ('F2', 12, 0, val.upper())]
		elif kind == 'h2':
			lines += [None, ('F2', 10.5, 0, val)]
		elif kind == 'p':
			lines += [('F1', 10, 0, t)
				  for t in textwrap.wrap(val, 95)]
		elif kind == 'ul':
			for item in val:
				for i, t in enumerate(textwrap.wrap(item, 90)):
					lines.append(('F1', 10, 14,
						      ('- ' if i == 0 else '') + t))
	return lines


def pdf_bytes(doc):
	"""A PDF written object by object: Helvetica and Helvetica-Bold with
	WinAnsiEncoding (poppler maps them without embedded fonts)."""
	y, mo, d = doc['date'][:10].split('-')
	date = '(D:%s%s%s090000Z)' % (y, mo, d)
	pages, cur, top = [], [], 800.0
	ypos = top
	for ln in pdf_lines(doc):
		step = 7 if ln is None else ln[1] * 1.35
		if ypos - step < 50:
			pages.append(cur)
			cur, ypos = [], top
		ypos -= step
		if ln is not None:
			cur.append((ln, ypos))
	pages.append(cur)
	objs = {1: b'<< /Type /Catalog /Pages 2 0 R >>',
		3: b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica '
		   b'/Encoding /WinAnsiEncoding >>',
		4: b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold '
		   b'/Encoding /WinAnsiEncoding >>',
		5: ('<< /Producer (screener samples roles.py) /Title (Resume) '
		    '/CreationDate %s /ModDate %s >>' % (date, date)).encode()}
	kids = []
	n = 6
	for page in pages:
		ops = [b'BT']
		for (font, size, indent, text), ypos in page:
			ops.append(b'/%s %g Tf 1 0 0 1 %g %.2f Tm %s Tj' % (
				font.encode(), size, 56 + indent, ypos,
				pdf_string(text)))
		ops.append(b'ET')
		stream = b'\n'.join(ops)
		objs[n + 1] = b'<< /Length %d >>\nstream\n%s\nendstream' % (
			len(stream), stream)
		objs[n] = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] '
			   b'/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> '
			   b'/Contents %d 0 R >>' % (n + 1))
		kids.append(b'%d 0 R' % n)
		n += 2
	objs[2] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (
		b' '.join(kids), len(kids))
	out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
	offsets = {}
	for i in sorted(objs):
		offsets[i] = len(out)
		out += b'%d 0 obj\n%s\nendobj\n' % (i, objs[i])
	xref = len(out)
	out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
	for i in sorted(objs):
		out += b'%010d 00000 n \n' % offsets[i]
	out += (b'trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n'
		b'startxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref))
	return bytes(out)

# ---------------------------------------------------------------- data
#
# Each applicant's expected reading, for both roles, is in
# samples/EXPECTED.tsv and samples/EXPECTED-lead.tsv (by hand).

# A strong mid-level builder: four years, everything hands-on, nobody led.
RAVI = resume(
    'Ravi Menon', ['ravi.menon@example.com', '+44 7700 900311', 'Leeds'],
    '2026-11-10T08:30:00Z', [
    H1('Summary'),
    P('Integration engineer who builds and runs the APIs between our '
      'warehouse, carrier and e-commerce systems. I like the detail work: '
      'field mappings agreed before coding, payloads validated at the door, '
      'and alerts that tell the on-call engineer what to do.'),
    H1('Experience'),
    H2('Integration Engineer, Harbour Logistics, Leeds'),
    P('Jan 2023 – Present'),
    UL('Built and versioned REST endpoints in MuleSoft for order, stock and '
       'shipment data, published through Apigee with OAuth 2.0 client '
       'credentials for twelve retail partners.',
       'Mapped fields from the carriers\' EDI and JSON feeds to the warehouse '
       'system in DataWeave; every payload is validated against JSON Schema '
       'and rejects go to a dead-letter queue.',
       'Consumed and published shipment events on Kafka; made the stock sync '
       'idempotent with retries and exponential backoff.',
       'Set alert thresholds on queue depth and error rate in Datadog and '
       'wrote the runbooks for the partner feeds.',
       'Stubbed the partner APIs with WireMock; Postman and MUnit suites run '
       'in the GitHub Actions pipeline; joined the weekly alignment sessions '
       'with the warehouse team.'),
    H2('Graduate Software Developer, Harbour Logistics, Leeds'),
    P('Sep 2022 – Dec 2022'),
    UL('Fixed defects in the Java order service and wrote unit tests.'),
    H1('Education'),
    P('B.Sc. Computer Science, University of Leeds, 2022'),
    H1('Certifications'),
    UL('MuleSoft Certified Developer – Level 1 (2024)'),
    H1('Skills'),
    P('MuleSoft, DataWeave, Apigee, Kafka, OAuth 2.0, JSON Schema, Datadog, '
      'WireMock, Postman, Java, SQL'),
])

# A senior individual contributor: nine years of building, no leading.
PETRA = resume(
    'Petra Lindgren', ['petra.lindgren@example.com', '+46 70 555 0142',
                       'Gothenburg'],
    '2026-11-28T00:00:00Z', [
    H1('Profile'),
    P('Senior integration engineer. Nine years of hands-on work on REST and '
      'SOAP endpoints, payload mapping and the monitoring around them. I '
      'write the code, the tests and the runbooks myself and I want to keep '
      'doing exactly that.'),
    H1('Experience'),
    H2('Senior Integration Engineer, Nordvik Insurance, Gothenburg'),
    P('March 2021 – present'),
    UL('Implemented SOAP and REST endpoints for the policy and claims '
       'systems on Azure Integration Services, behind Azure API Management '
       'with OAuth 2.0 and mTLS.',
       'Wrote Liquid and XSLT mappings from the broker portal\'s XML to the '
       'claims system\'s JSON; added schema validation of every message.',
       'Configured Azure Service Bus topics and dead-letter handling for the '
       'claim events.',
       'Added health checks and alert thresholds in Azure Monitor; wrote the '
       'runbook for each interface.',
       'Mocked the partner endpoints for the regression suite in Azure '
       'Pipelines.'),
    H2('Integration Developer, Kustbanken, Gothenburg'),
    P('February 2018 – February 2021'),
    UL('Built BizTalk and later Logic Apps integrations between the core '
       'banking system and the CRM; mapped customer records between them.',
       'Synced account data nightly with reconciliation reports.',
       'Wrote SoapUI tests for every service contract.'),
    H1('Education'),
    P('M.Sc. Software Engineering, Chalmers University of Technology, 2017'),
    H1('Certifications'),
    UL('Microsoft Certified: Azure Developer Associate (2022)'),
    H1('Skills'),
    P('Azure Integration Services, Logic Apps, Service Bus, API Management, '
      'BizTalk, XSLT, C#, SoapUI, Azure Monitor'),
])

# A career changer: four years of integration work after eight years of
# running shops: leadership, but in another trade.
BIANCA = resume(
    'Bianca Ferreira', ['bianca.ferreira@example.com', '+351 912 555 019',
                        'Porto'],
    '2026-11-28T00:00:00Z', [
    H1('Experience'),
    H2('Integration Engineer, Lusomercado Online, Porto'),
    P('Jun 2022 – Present'),
    UL('Built Boomi processes and REST APIs between the web shop, the ERP '
       'and three payment providers, with OAuth 2.0 and API keys.',
       'Mapped order and refund payloads from the payment providers to the '
       'ERP; validation of mandatory fields before posting.',
       'Order events on RabbitMQ with retries and a dead-letter queue.',
       'Set up monitoring and alerting for the payment APIs; wrote the '
       'runbooks for the support team.',
       'Postman collections with Newman in the CI pipeline against mocked '
       'provider endpoints.'),
    H2('Store Manager, Casa Verde Retail, Porto'),
    P('Jul 2014 – May 2022'),
    UL('Led a team of 25 across two stores; hiring, rotas and training of '
       'new staff.',
       'Ran the stock system and the weekly sales reports; mentored three '
       'assistant managers into store managers.'),
], sidebar=[
    H1('About me'),
    P('I moved from retail to integration engineering in 2022: I build the '
      'APIs and mappings that connect a web shop to its ERP and payment '
      'providers, and I know what the shop floor needs from them.'),
    H1('Education'),
    P('Licenciatura in Management, Universidade do Porto, 2013'),
    UL('Boomi Professional Developer (2023)',
       'Full-stack web development bootcamp, Le Wagon (2022)'),
    H1('Skills'),
    P('Boomi, REST, OAuth 2.0, RabbitMQ, JSON, SQL, Postman'),
    H1('Languages'),
    P('Portuguese, English, Spanish'),
])

# Head of integration who has not built for years and names no product:
# architecture, standards and governance.
GRAHAM = resume(
    'Graham Oduya', ['graham.oduya@example.com', '+44 7700 900582',
                     'Bristol'],
    '2026-11-05T10:00:00Z', [
    H1('Summary'),
    P('Integration architecture leader. For eleven years I have designed '
      'and governed how an insurer\'s policy, claims, finance and partner '
      'systems exchange data: the reference architecture, the API standards '
      'and lifecycle, the canonical data model, and the operating model that '
      'keeps integrations observable and owned.'),
    H1('Experience'),
    H2('Head of Integration, Meridian Insurance, Bristol'),
    P('January 2020 – Present'),
    UL('Set the enterprise integration architecture and the API governance '
       'standards (versioning policy, security patterns, lifecycle from '
       'design review to retirement) for 140 services across nine teams.',
       'Chose the event streaming and API management platforms and the '
       'roadmap that moved the company off point-to-point file transfers.',
       'Defined the SLO and SLI framework for business-critical interfaces '
       'and designed the escalation model and on-call ownership between '
       'platform, product and support teams.',
       'Established the enterprise data governance standards and the '
       'canonical data model for policy and claims.',
       'Lead the architecture review board and the quarterly alignment '
       'across the nine delivery teams; mentor six architects and lead '
       'engineers.'),
    H2('Integration Architect, Meridian Insurance, Bristol'),
    P('March 2015 – December 2019'),
    UL('Designed the integration architecture for the claims platform '
       'replacement and the reusable patterns the teams build on.',
       'Defined the integration testing strategy and the quality gates '
       'every release passes.'),
    H2('Business Analyst, Claims Systems, Westcountry Mutual, Exeter'),
    P('September 2010 – February 2015'),
    UL('Requirements and process models for the claims handling systems.'),
    H1('Education'),
    P('M.Sc. Information Systems, University of Bath, 2010'),
    H1('Certifications'),
    UL('TOGAF 9 Certified (2016)'),
    H1('Skills'),
    P('Integration architecture, API governance, enterprise architecture, '
      'data governance, SLO design, stakeholder management'),
])

# Principal architect: the products appear only in a technology list.
HELEN = resume(
    'Helen Struthers', ['helen.struthers@example.com', '+1 555-0177',
                        'Chicago, IL'],
    '2026-11-28T00:00:00Z', [
    H1('Profile'),
    P('Principal integration architect for a logistics group. I define how '
      'forty business systems talk to each other and to our partners, and I '
      'lead the architects and lead engineers who deliver it.'),
    H1('Experience'),
    H2('Principal Integration Architect, Lakeshore Logistics Group, Chicago'),
    P('Apr 2019 – Present'),
    UL('Own the integration architecture roadmap and the API standards that '
       'every team follows: resource design, versioning and deprecation, '
       'authentication patterns and the API review process.',
       'Defined the event-driven architecture strategy and the publishing '
       'standards for business events across the group.',
       'Designed the enterprise observability architecture: the SLOs per '
       'integration, tiered alerting with clear ownership, and the '
       'escalation paths between operations, platform and vendor support.',
       'Established the data transformation standards and the master data '
       'ownership model for shipments, customers and rates.',
       'Run the design authority and lead the alignment between eleven '
       'delivery teams and three partners; mentor four architects.'),
    H2('Enterprise Integration Architect, Lakeshore Logistics Group, Chicago'),
    P('Aug 2013 – Mar 2019'),
    UL('Designed the integration patterns for the warehouse, transport and '
       'finance platforms and the reusable templates the teams use.',
       'Set the integration testing strategy with contract tests as a '
       'release gate.'),
    H1('Education'),
    P('B.S. Computer Engineering, University of Illinois, 2013'),
    H1('Certifications'),
    UL('TOGAF 9 Certified (2017)',
       'AWS Certified Solutions Architect – Professional (2021)'),
    H1('Technology'),
    P('Apigee, Kafka, MuleSoft, AWS, Azure, Datadog, ServiceNow'),
])

# Operations lead: owns escalation and incident design for an integration
# platform, leads analysts, builds no integration.
NADIA = resume(
    'Nadia Kowal', ['nadia.kowal@example.com', '+48 601 555 023',
                    'Kraków'],
    '2026-10-30T09:00:00Z', [
    H1('Summary'),
    P('Operations lead for an integration platform: I run the people and the '
      'process that keep 300 interfaces healthy, from alerts to post-mortems.'),
    H1('Experience'),
    H2('Integration Operations Lead, Vistula Payments, Kraków'),
    P('May 2022 – Present'),
    UL('Lead a team of eight support analysts; hiring, coaching and the '
       'on-call rota.',
       'Own the escalation matrix and the major incident process for the '
       'integration platform; defined the SLAs with the product teams.',
       'Monitor Kafka consumer lag and MuleSoft API health dashboards in '
       'Grafana; tuned the alert thresholds with the SRE team to cut false '
       'pages by half.',
       'Run the post-mortems and the weekly service review with the '
       'engineering managers of five teams.'),
    H2('Production Support Analyst, Integration Platform, Vistula Payments'),
    P('Mar 2019 – Apr 2022'),
    UL('First-line triage of failed interfaces; followed the runbooks and '
       'escalated to the developers.',
       'Updated the knowledge base articles after each incident.'),
    H2('Application Support Analyst, Krakbank, Kraków'),
    P('Jan 2017 – Feb 2019'),
    UL('Answered tickets for the branch systems and reset accounts.'),
    H1('Education'),
    P('B.A. Economics, Jagiellonian University, 2016'),
    H1('Certifications'),
    UL('ITIL 4 Foundation (2019)', 'ITIL 4 Specialist (2023)'),
    H1('Skills'),
    P('Incident management, ServiceNow, Grafana, PagerDuty, Kafka, '
      'MuleSoft, Splunk'),
])

# A lead who is both: builds, designs, owns, leads.
OSKAR = resume(
    'Oskar Lindholm', ['oskar.lindholm@example.com', '+358 40 555 0190',
                       'Helsinki'],
    '2026-11-20T09:00:00Z', [
    H1('Summary'),
    P('Lead integration engineer. I lead a team of five that builds and '
      'runs the APIs and event flows between our energy trading, billing and '
      'grid systems, and I set the standards the other teams integrate by.'),
    H1('Experience'),
    H2('Lead Integration Engineer, Nordlys Energy, Helsinki'),
    P('Feb 2023 – Present'),
    UL('Lead and mentor a team of five integration engineers; run hiring '
       'and the on-call rota.',
       'Defined the API standards and the gateway strategy: every external '
       'API published through Kong with OAuth 2.0, versioning and '
       'deprecation rules, design reviews before build.',
       'Set the broker strategy: Kafka for business events, RabbitMQ for '
       'commands; designed the topic naming and schema rules.',
       'Designed the observability for the platform: SLOs per flow, tiered '
       'alerting, and the escalation matrix between trading, billing and '
       'our team.',
       'Defined the canonical data model for meter readings and the '
       'validation rules every feed passes.',
       'Lead the alignment across six teams and the integration testing '
       'strategy: Pact contract tests as a quality gate in CI.'),
    H2('Senior Integration Engineer, Nordlys Energy, Helsinki'),
    P('Jun 2020 – Jan 2023'),
    UL('Built REST endpoints on Kong and Spring Boot for the billing system; '
       'mapped meter data from the grid operator\'s XML to JSON.',
       'Set alert thresholds in Prometheus and wrote the runbooks.'),
    H2('Integration Developer, Suomi Telecom, Espoo'),
    P('Jun 2019 – May 2020'),
    UL('Built SOAP services and Camel routes for order management.'),
    H1('Education'),
    P('M.Sc. Computer Science, Aalto University, 2019'),
    H1('Certifications'),
    UL('Kong Certified Gateway Associate (2023)',
       'Confluent Certified Developer for Apache Kafka (2021)'),
    H1('Skills'),
    P('Kong, Kafka, RabbitMQ, Spring Boot, Camel, OAuth 2.0, Pact, '
      'Prometheus, Grafana'),
])

# An engineering manager of a product team: leadership, some integration
# years ago, no integration architecture.
MARTA = resume(
    'Marta Quinn', ['marta.quinn@example.com', '+353 87 555 0164', 'Dublin'],
    '2026-11-12T09:00:00Z', [
    H1('Summary'),
    P('Engineering manager who grows teams and ships: twelve engineers, '
      'two product lines, and a culture of ownership.'),
    H1('Experience'),
    H2('Software Engineering Manager, Shopwise, Dublin'),
    P('Apr 2020 – Present'),
    UL('Manage twelve engineers in two teams (checkout and accounts); '
       'hiring, career plans, performance reviews and mentoring.',
       'Own the roadmap with the product managers; run quarterly planning '
       'and the alignment with design, marketing and customer support.',
       'Introduced the engineering career ladder and the incident review '
       'practice for the department.'),
    H2('Software Engineer, Shopwise, Dublin'),
    P('Sep 2015 – Mar 2020'),
    UL('Built the checkout in React and Node.js; integrated the payment '
       'provider\'s REST API with webhooks for refunds.',
       'Published order events to RabbitMQ for the warehouse system.'),
    H1('Education'),
    P('B.Sc. Computer Science, Trinity College Dublin, 2015'),
    H1('Skills'),
    P('People management, agile delivery, React, Node.js, RabbitMQ'),
])

MARTA_LETTER = letter(
    'Marta Quinn', ['marta.quinn@example.com', '+353 87 555 0164'],
    '2026-11-12T09:00:00Z', [
    'Dear Hiring Manager,',
    'I am applying for the Lead Integration Engineer position. I have led '
    'engineering teams for six years and I know how to hire, grow and keep '
    'good engineers. I believe leadership is the same whatever the team '
    'builds, and I would bring structure, planning and a strong culture to '
    'your integration team.',
    'Kind regards,',
    'Marta Quinn'])

# Integration delivery lead: governs delivery, testing and escalation
# across teams; names no product where work is described.
WEI = resume(
    'Wei Zhang', ['wei.zhang@example.com', '+65 8555 0133', 'Singapore'],
    '2026-11-28T00:00:00Z', [
    H1('Summary'),
    P('Integration delivery lead with thirteen years in enterprise '
      'integration: I govern how integration programmes are designed, '
      'tested, released and supported across many teams.'),
    H1('Experience'),
    H2('Integration Delivery Lead, Straits Bank, Singapore'),
    P('Jul 2018 – Present'),
    UL('Govern the integration delivery framework for the bank\'s '
       'core-banking replacement: 220 interfaces, seven delivery teams, two '
       'vendors.',
       'Lead the cross-team alignment: dependency tracking in the RAID log, '
       'the cutover plan and the release calendar.',
       'Defined the integration testing strategy: contract tests, '
       'end-to-end regression and the quality gates each release passes.',
       'Designed the hypercare and escalation model with operations and the '
       'vendors: escalation paths, severity levels and ownership.',
       'Set the API lifecycle governance with the architects: versioning '
       'policy, design reviews and deprecation.',
       'Mentor four integration leads and run the integration community of '
       'practice.'),
    H2('Integration Project Manager, Temasek Logistics, Singapore'),
    P('Jan 2013 – Jun 2018'),
    UL('Led the data migration strategy and the data governance for the '
       'warehouse system replacement.',
       'Ran the alignment sessions with the business and the vendors.'),
    H1('Education'),
    P('B.Eng. Computer Engineering, National University of Singapore, 2012'),
    H1('Certifications'),
    UL('PMP (2016)', 'ITIL 4 Foundation (2019)'),
    H1('Skills'),
    P('Integration delivery, test strategy, governance, Kafka, Apigee, '
      'ServiceNow, Jira'),
])

APPLICANTS = [
    single('ravi-menon.docx', RAVI),
    single('petra-lindgren.txt', PETRA),
    single('bianca-ferreira.pdf', BIANCA, via='chromium'),
    single('graham-oduya.docx', GRAHAM),
    single('helen-struthers.pdf', HELEN, via='chromium'),
    single('nadia-kowal.rtf', NADIA),
    single('oskar-lindholm.pdf', OSKAR, via='hand'),
    folder('marta-quinn', [('resume.docx', MARTA, None),
                           ('cover-letter.txt', MARTA_LETTER, None)]),
    single('wei-zhang.txt', WEI),
]


def render_own(app, outdir, work):
	"""RTF and the hand-written PDF here; the rest by applicants.py."""
	f = app['files'][0]
	path = os.path.join(outdir, app['key'])
	if f['name'].endswith('.rtf'):
		with open(path, 'w', encoding='ascii', newline='') as out:
			out.write(rtf_of(f['docs'][0]))
	elif f.get('via') == 'hand':
		with open(path, 'wb') as out:
			out.write(pdf_bytes(f['docs'][0]))
	else:
		render(app, outdir, work)


if __name__ == '__main__':
	applicants.main(APPLICANTS, render_own)
