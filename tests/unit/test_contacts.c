/* test_contacts.c - name, e-mail, phone formats, profiles, location. */
#include "contacts.h"
#include "facts_doc.h"
#include "sections.h"

struct found {
	struct doc *d;
	GArray *sections;
	struct contacts c;
};

static void find(struct found *x, const char *text)
{
	x->d = test_doc(text, NULL);
	x->sections = sections_find(x->d);
	contacts_find(x->d, x->sections, &x->c);
}

static void release(struct found *x)
{
	contacts_release(&x->c);
	g_array_unref(x->sections);
	doc_free(x->d);
}

static void phone(const char *text, const char *want, const char *digits)
{
	struct found x;

	find(&x, text);
	if (!want) {
		if (x.c.value[CONTACT_PHONE])
			g_error("\"%s\": unexpected phone \"%s\"", text,
				x.c.value[CONTACT_PHONE]);
	} else {
		g_assert_cmpstr(x.c.value[CONTACT_PHONE], ==, want);
		g_assert_cmpstr(x.c.phone_digits, ==, digits);
	}
	release(&x);
}

static void test_phones(void)
{
	phone("Tel +44 20 7946 0958\n", "+44 20 7946 0958", "442079460958");
	phone("(555) 213-4867 | jane@x.org\n", "(555) 213-4867",
	      "5552134867");
	phone("Phone: +1-555-213-4867\n", "+1-555-213-4867", "15552134867");
	phone("Berlin, 0049 30 2618473\n", "0049 30 2618473",
	      "0049302618473");
	phone("555.213.4867\n", "555.213.4867", "5552134867");
	phone("Mobile: 555-1234\n", "555-1234", "5551234");
	phone("M: 07700 900123\n", "07700 900123", "07700900123");
	/* Not phones: dates, short numbers, identifiers. */
	phone("Acme 2016 - 2019\n", NULL, NULL);
	phone("01.2019 - 03.2021\n", NULL, NULL);
	phone("Grew revenue by 1234567 users\n", NULL, NULL);
	phone("Order 555-1234\n", NULL, NULL);
	phone("ISBN 978-3-16-148410-0x\n", NULL, NULL);
}

static void test_header(void)
{
	struct found x;

	find(&x, "JANE Q. DOE\n"
		 "Senior Integration Engineer\n"
		 "Berlin, Germany | Jane.Doe@Example.COM | "
		 "linkedin.com/in/janedoe\n"
		 "https://github.com/jdoe | https://jane.dev/\n"
		 "Experience\n"
		 "Acme Corp, London\n");
	g_assert_cmpstr(x.c.value[CONTACT_NAME], ==, "JANE Q. DOE");
	g_assert_cmpstr(x.c.value[CONTACT_EMAIL], ==, "jane.doe@example.com");
	g_assert_cmpstr(x.c.value[CONTACT_LINKEDIN], ==,
			"linkedin.com/in/janedoe");
	g_assert_cmpstr(x.c.value[CONTACT_GITHUB], ==,
			"https://github.com/jdoe");
	g_assert_cmpstr(x.c.value[CONTACT_URL], ==, "https://jane.dev");
	g_assert_cmpstr(x.c.value[CONTACT_LOCATION], ==, "Berlin, Germany");
	g_assert_null(x.c.value[CONTACT_PHONE]);
	release(&x);
}

static void test_name_rules(void)
{
	struct found x;

	/* A title line first, the name after it; a label "Name:". */
	find(&x, "Curriculum Vitae\nName: José van der Berg\n");
	g_assert_cmpstr(x.c.value[CONTACT_NAME], ==, "José van der Berg");
	release(&x);
	find(&x, "Integration Engineer\nMaria Lopez\n");
	g_assert_cmpstr(x.c.value[CONTACT_NAME], ==, "Maria Lopez");
	release(&x);
	/* Prose and single words are not names. */
	find(&x, "I build integrations for a living.\nKafka\n");
	g_assert_null(x.c.value[CONTACT_NAME]);
	release(&x);
	/* Below the first heading only a contact section counts. */
	find(&x, "Experience\nJohn Smith\n");
	g_assert_null(x.c.value[CONTACT_NAME]);
	release(&x);
}

/* The name opens a table row of links, stands after "Name :", and is
 * never a skill, a sentence, a heading of personal details or a piece
 * of a long line. */
static void test_name_classes(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "Jo Roe GitHub, LinkedIn, Portfolio\nExperience\n", "Jo Roe" },
		{ "Name : Kumar S.S\nExperience\n", "Kumar S.S" },
		{ "Scripting Next.js\nExperience\n", NULL },
		{ "Network Fan Cat Lover.\nExperience\n", NULL },
		{ "Personal Details\nExperience\n", NULL },
		{ "INFORMATION TECHNOLOGY INTERN\nExperience\n", NULL },
		{ "Highly skilled in the whole Software Development Life Cycle, "
		  "Quality Assurance Life Cycle, Bug Life Cycle and more\n"
		  "Experience\n", NULL },
		{ "Experience\nData Engineer\nSkills\nNatural Language "
		  "Processing\n", NULL },
	};
	gsize i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct found x;

		find(&x, cases[i].text);
		if (g_strcmp0(x.c.value[CONTACT_NAME], cases[i].want))
			g_error("\"%s\": name \"%s\", want \"%s\"",
				cases[i].text, x.c.value[CONTACT_NAME],
				cases[i].want);
		release(&x);
	}
}

static void test_location_label(void)
{
	struct found x;

	find(&x, "Jane Doe\nLocation: Austin, TX | jane@x.io\n");
	g_assert_cmpstr(x.c.value[CONTACT_LOCATION], ==, "Austin, TX");
	g_assert_cmpstr(x.c.value[CONTACT_EMAIL], ==, "jane@x.io");
	release(&x);
}

/* A template's placeholders: a real address or number after them is
 * taken instead. */
static void test_placeholders(void)
{
	static const char *const emails[] = {
		"name@example.com", "Your.Name@gmail.com", "firstname.lastname@acme.io",
		"catherine@email.com", "me@yourdomain.com",
	};
	static const char *const phones[] = {
		"(123) 456-7890", "000-000-0000", "+1 555-0142", "555 0199",
		"(987) 654-3210",
	};
	struct found x;
	gsize i;

	for (i = 0; i < G_N_ELEMENTS(emails); i++) {
		g_autofree char *t = g_strdup_printf(
			"Jo Bloggs\n%s\njo.bloggs@post.test\n", emails[i]);

		g_assert_true(contacts_placeholder_email(emails[i]));
		find(&x, t);
		g_assert_cmpstr(x.c.value[CONTACT_EMAIL], ==,
				"jo.bloggs@post.test");
		release(&x);
	}
	/* Alone, a placeholder is still a phone written, but has no digits
	 * to link applicants by. */
	for (i = 0; i < G_N_ELEMENTS(phones); i++) {
		g_autofree char *t = g_strdup_printf("Phone: %s\n", phones[i]);

		phone(t, phones[i], NULL);
	}
	find(&x, "Jo Bloggs\nname@example.com\n");
	g_assert_cmpstr(x.c.value[CONTACT_EMAIL], ==, "name@example.com");
	release(&x);
	phone("Phone: (123) 456-7890 or +44 20 7946 0958\n",
	      "+44 20 7946 0958", "442079460958");
	g_assert_false(contacts_placeholder_email("jane.roe@post.test"));
	g_assert_false(contacts_placeholder_phone("442079460958"));
	g_assert_false(contacts_placeholder_phone("5550200"));
}

static void test_email_edges(void)
{
	struct found x;

	find(&x, "mail: @ nobody@localhost, a@b.c, mailto:real.one@mail.example.org.\n");
	g_assert_cmpstr(x.c.value[CONTACT_EMAIL], ==,
			"real.one@mail.example.org");
	release(&x);
	find(&x, "");
	release(&x);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/contacts/phones", test_phones);
	g_test_add_func("/contacts/header", test_header);
	g_test_add_func("/contacts/name", test_name_rules);
	g_test_add_func("/contacts/location-label", test_location_label);
	g_test_add_func("/contacts/email-edges", test_email_edges);
	g_test_add_func("/contacts/placeholders", test_placeholders);
	g_test_add_func("/contacts/name-classes", test_name_classes);
	return g_test_run();
}
