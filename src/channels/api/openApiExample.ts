/** The urgent panel every captured response carries while no country is known: one copy, not four. */
const URGENT_NO_COUNTRY = {
  question: {
    prompt: 'What is happening?',
    options: [
      {
        id: 'child_danger',
        label: 'A child is in danger now',
      },
      {
        id: 'self_harm',
        label: 'I might hurt myself',
      },
      {
        id: 'other',
        label: 'Another urgent worry',
      },
    ],
  },
  title: 'Urgent help',
  intro: 'If you or anyone else is in danger now, call for help. You can call even if you are not sure.',
  privacyNotes: [
    'Emergency services see the number you call from, and may ask for your name and where you are.',
    'Child helplines usually do not ask for your name.',
    'Crisis lines usually do not ask for your name.',
  ],
  childDanger: 'Is a child in danger right now?',
  suicide: 'Thinking of ending your life?',
  lines: [
    {
      kind: 'emergency',
      kindLabel: 'Emergency',
      heading: 'Is someone in danger right now?',
      privacy: 'Emergency services see the number you call from, and may ask for your name and where you are.',
      name: 'Emergency',
      number: '112',
      tel: 'tel:112',
      source: 'https://www.anacom.pt/render.jsp?contentId=779218',
      where: {
        summary: 'Countries on our list with this number (31)',
        countries:
          'Austria, Belgium, Bulgaria, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland, France, Germany, Greece, Hungary, Iceland, Ireland, Italy, Latvia, Lithuania, Luxembourg, Malta, Netherlands, Norway, Poland, Portugal, Romania, Slovakia, Slovenia, Spain, Sweden, Switzerland, and United Kingdom',
        codes: [
          'AT',
          'BE',
          'BG',
          'CH',
          'CY',
          'CZ',
          'DE',
          'DK',
          'EE',
          'ES',
          'FI',
          'FR',
          'GB',
          'GR',
          'HR',
          'HU',
          'IE',
          'IS',
          'IT',
          'LT',
          'LU',
          'LV',
          'MT',
          'NL',
          'NO',
          'PL',
          'PT',
          'RO',
          'SE',
          'SI',
          'SK',
        ],
      },
    },
    {
      kind: 'child_helpline',
      kindLabel: 'Child helpline',
      heading: 'Are you a child or young person who needs to talk?',
      privacy: 'Child helplines usually do not ask for your name.',
      name: 'Child helpline',
      number: '116 111',
      tel: 'tel:116111',
      source: 'https://www.116111.no/omalarmtelefonen',
      where: {
        summary: 'Countries on our list with this number (19)',
        countries:
          'Bulgaria, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland, Germany, Hungary, Latvia, Lithuania, Luxembourg, Norway, Poland, Portugal, Romania, Slovakia, Slovenia, and Sweden',
        codes: ['BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'FI', 'HR', 'HU', 'LT', 'LU', 'LV', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'],
      },
    },
    {
      kind: 'crisis',
      kindLabel: 'Crisis line',
      heading: 'Thinking of ending your life?',
      privacy: 'Crisis lines usually do not ask for your name.',
      name: 'Crisis line',
      number: '116 123',
      tel: 'tel:116123',
      source:
        'https://www.idnes.cz/praha/zpravy/linka-duvery-bohnice-ukoncena-cinnost-nedostatek-financi-psychika.A240110_100533_praha-zpravy_vich',
      where: {
        summary: 'Countries on our list with this number (10)',
        countries: 'Czechia, Estonia, Hungary, Ireland, Latvia, Lithuania, Norway, Poland, Slovenia, and United Kingdom',
        codes: ['CZ', 'EE', 'GB', 'HU', 'IE', 'LT', 'LV', 'NO', 'PL', 'SI'],
      },
    },
    {
      kind: 'missing_children',
      kindLabel: 'Missing children',
      heading: 'Missing children',
      name: 'Missing children',
      number: '116 000',
      tel: 'tel:116000',
      source: 'https://missingchildreneurope.eu/hotline-116-000/',
      where: {
        summary: 'Countries on our list with this number (25)',
        countries:
          'Austria, Belgium, Bulgaria, Croatia, Cyprus, Czechia, Estonia, Finland, France, Germany, Greece, Hungary, Ireland, Italy, Latvia, Lithuania, Luxembourg, Malta, Netherlands, Poland, Portugal, Slovakia, Slovenia, Spain, and Sweden',
        codes: [
          'AT',
          'BE',
          'BG',
          'CY',
          'CZ',
          'DE',
          'EE',
          'ES',
          'FI',
          'FR',
          'GR',
          'HR',
          'HU',
          'IE',
          'IT',
          'LT',
          'LU',
          'LV',
          'MT',
          'NL',
          'PL',
          'PT',
          'SE',
          'SI',
          'SK',
        ],
      },
    },
  ],
  shared: true,
  gap: 'We do not know which country you are in yet, so these are numbers that many countries share. Tell us your country to see its own numbers.',
  eu: 'In every EU country: 112 for emergencies. Many European countries also have 116 111 for children and young people and 116 123 for emotional support.',
  countries: [
    {
      code: 'AU',
      name: 'Australia',
    },
    {
      code: 'AT',
      name: 'Austria',
    },
    {
      code: 'BE',
      name: 'Belgium',
    },
  ],
}

/**
 * A whole conversation, captured from a real server (`createNodeApp` on the directory as shipped, `{ "ui": "en" }`),
 * for the OpenAPI document's examples: the request of every turn from start to results, and real
 * responses with the sealed state replaced by a placeholder and long lists cut to their first
 * entries. tests/openapi.responses.test.ts checks every example still matches the document's
 * schemas, so a change to the responses shows up here.
 */
export const openApiExample = {
  requests: {
    start: {
      summary: '1. Start a conversation in English (no state)',
      value: {
        ui: 'en',
      },
    },
    answerAsker: {
      summary: '2. Answer "Who are you looking for help for?": me',
      value: {
        state: 'k1.AbC…',
        reply: 'self',
      },
    },
    answerAge: {
      summary: '3. Answer the age question: 18 or over',
      value: {
        state: 'k1.AbC…',
        reply: 'adult',
      },
    },
    answerCountry: {
      summary: '4. Answer the country question with a code',
      value: {
        state: 'k1.AbC…',
        reply: 'DE',
      },
    },
    answerLanguage: {
      summary: '5. Answer the language question',
      value: {
        state: 'k1.AbC…',
        reply: 'de',
      },
    },
    answerSituation: {
      summary: '6. Answer the situation question',
      value: {
        state: 'k1.AbC…',
        reply: 'nothing_happened',
      },
    },
    answerChannels: {
      summary: '7. Answer "How could you make contact?" (several answers allowed)',
      value: {
        state: 'k1.AbC…',
        reply: ['any'],
      },
    },
    answerAnonymity: {
      summary: '8. Answer the last question: this reaches the results',
      value: {
        state: 'k1.AbC…',
        reply: 'not_needed',
      },
    },
    typedCountry: {
      summary: 'A country name typed with a slip: the step comes back with "did you mean" suggestions',
      value: {
        state: 'k1.AbC…',
        reply: 'Germnay',
      },
    },
    back: {
      summary: 'Take the last answer back',
      value: {
        state: 'k1.AbC…',
        action: 'back',
      },
    },
    urgent: {
      summary: 'Show urgent help first, for someone at risk of hurting themselves',
      value: {
        state: 'k1.AbC…',
        action: 'urgent',
        urgentReason: 'self_harm',
      },
    },
    changeLanguage: {
      summary: 'Change the interface language, keeping the answers',
      value: {
        state: 'k1.AbC…',
        action: 'language',
        ui: 'ar',
      },
    },
  },
  responses: {
    firstQuestion: {
      summary: '1. The first question (the response to "start"); lists shortened to their first entries',
      value: {
        ui: 'en',
        dir: 'ltr',
        state: 'k1.AbC…',
        step: {
          nodeId: 'asker',
          number: 1,
          total: 6,
          prompt: 'Who are you looking for help for?',
          parser: 'choice',
          options: [
            {
              id: 'self',
              label: 'Me, about my own thoughts or behaviour',
              selected: false,
            },
            {
              id: 'someone',
              label: 'Someone I know or care about',
              selected: false,
            },
            {
              id: 'young',
              label: 'I am under 18 and worried about my own thoughts or behaviour',
              selected: false,
            },
            {
              id: 'professional',
              label: 'I work with people who need this help',
              selected: false,
            },
          ],
          canGoBack: false,
          suggestions: [],
        },
        urgent: URGENT_NO_COUNTRY,
        showUrgent: false,
        urgentSuggested: false,
        languages: [
          {
            code: 'en',
            name: 'English',
          },
          {
            code: 'ar',
            name: 'العربية',
          },
          {
            code: 'bg',
            name: 'Български',
          },
        ],
      },
    },
    didYouMean: {
      summary: 'A typed country not understood ("Germnay"): the same step, an error and "did you mean"; lists shortened',
      value: {
        ui: 'en',
        dir: 'ltr',
        state: 'k1.AbC…',
        error: 'We did not recognise that country. Please choose it from the list, or check the spelling.',
        step: {
          nodeId: 'country',
          number: 3,
          total: 7,
          prompt: 'Which country are you in?',
          hint: 'Choose from the list, or type the name of the country in your own language.',
          parser: 'country',
          options: [
            {
              id: 'AU',
              label: 'Australia',
              selected: false,
            },
            {
              id: 'AT',
              label: 'Austria',
              selected: false,
            },
            {
              id: 'BE',
              label: 'Belgium',
              selected: false,
            },
          ],
          canGoBack: true,
          typed: 'Germnay',
          suggestions: [
            {
              id: 'DE',
              label: 'Germany',
            },
          ],
        },
        urgent: URGENT_NO_COUNTRY,
        showUrgent: false,
        urgentSuggested: false,
        languages: [
          {
            code: 'en',
            name: 'English',
          },
          {
            code: 'ar',
            name: 'العربية',
          },
          {
            code: 'bg',
            name: 'Български',
          },
        ],
      },
    },
    results: {
      summary: '9. The results (the response to the last answer); lists shortened to their first entries',
      value: {
        ui: 'en',
        dir: 'ltr',
        state: 'k1.AbC…',
        step: {
          nodeId: 'results',
          number: 8,
          total: 7,
          outcome: 'results',
          prompt: 'Services that may help you',
          options: [],
          canGoBack: true,
          suggestions: [],
        },
        results: {
          tier: 'fit',
          intro: 'These services work with situations like yours. Contacting them is your choice.',
          services: [
            {
              id: 'troubled-desire',
              name: 'Troubled Desire',
              organisation: 'Institute of Sexology and Sexual Medicine, Charité – Universitätsmedizin Berlin',
              description: {
                text: 'Anonymous, free website for people with a sexual interest in children before or in early puberty: a self-assessment and self-help modules based on cognitive behavioural therapy. Launched 25 October 2017. In 2019 it was available in German, English, Spanish, Portuguese, French, Turkish, Marathi and Hindi; other languages not confirmed.',
                lang: 'en',
                dir: 'ltr',
                ownWords: false,
              },
              offers: [
                'For people worried about their sexual thoughts about children',
                'For people who have looked at sexual images of children',
                'Online self-help',
              ],
              contacts: [
                {
                  label: 'Online self-help',
                  text: 'through their website',
                  href: 'https://troubled-desire.com',
                  channel: 'online_self_help',
                  viaWebsite: true,
                },
              ],
              reach: [
                {
                  kind: 'website',
                  label: 'Website',
                  leadsTo: 'Online self-help: through their website',
                  text: 'troubled-desire.com',
                  href: 'https://troubled-desire.com',
                  notes: [],
                },
              ],
              website: 'https://troubled-desire.com',
              cost: 'Free',
              anonymity: 'You can stay anonymous',
              confidentiality: 'Anonymous and free: you do not give your name. What data the website records is not confirmed.',
              confidentialityKnown: true,
              languages: 'German, English, Spanish, Portuguese, French, Turkish, Marathi, Hindi',
              languagesLabel: 'Languages',
              reasons: ['Works in Germany', 'For people worried about their sexual thoughts about children', 'Works in German', 'Free'],
              lastChecked: null,
              checked: 'Not yet checked by us against its sources',
              stale: false,
              sources: [
                {
                  url: 'https://kein-taeter-werden.de/pressemitteilungen/troubled-desire-feiert-zweijaehriges-bestehen',
                  date: '2019-10-29',
                  label: 'kein-taeter-werden.de (October 2019)',
                  site: 'kein-taeter-werden.de',
                  dated: 'October 2019',
                  datetime: '2019-10-29',
                },
                {
                  url: 'https://praeventionstag.de/nano.cms/vortraege/id/5155',
                  date: '2019-10',
                  label: 'praeventionstag.de (October 2019)',
                  site: 'praeventionstag.de',
                  dated: 'October 2019',
                  datetime: '2019-10',
                },
                {
                  url: 'https://mental.jmir.org/2021/2/e22277',
                  date: '2021',
                  label: 'mental.jmir.org (2021)',
                  site: 'mental.jmir.org',
                  dated: '2021',
                  datetime: '2021',
                },
                {
                  url: 'https://en.wikipedia.org/wiki/Draft:Troubled_Desire',
                  date: 'undated',
                  label: 'en.wikipedia.org (undated)',
                  site: 'en.wikipedia.org',
                  dated: 'undated',
                },
              ],
              newestSource: 'Information from 2021',
              newestSourceWhen: '2021',
              newestSourceDate: '2021',
            },
          ],
          helplinesTitle: 'Helplines that listen',
          helplinesIntro:
            'General helplines for children, young people and adults. They are not prevention programmes, but they can listen and help you find support.',
          helplines: [],
          onFile: {
            label: 'Also on file for Germany:',
            records: [
              {
                id: 'ktw-muenchen-lmu',
                name: 'Kein Täter werden – Präventionsambulanz München',
              },
            ],
            note: 'We could not confirm a way to get in touch, so we do not show a number or link.',
          },
          disclaimer:
            "Helpfinder shows services from its directory; it cannot promise that a service is open or has space. If something has changed, the service's own website has the latest details.",
          countsContacts: true,
        },
        urgent: {
          question: {
            prompt: 'What is happening?',
            options: [
              {
                id: 'child_danger',
                label: 'A child is in danger now',
              },
              {
                id: 'self_harm',
                label: 'I might hurt myself',
              },
              {
                id: 'other',
                label: 'Another urgent worry',
              },
            ],
          },
          title: 'Urgent help',
          intro: 'If you or anyone else is in danger now, call for help. You can call even if you are not sure.',
          privacyNotes: [
            'Emergency services see the number you call from, and may ask for your name and where you are.',
            'Child helplines usually do not ask for your name.',
            'Crisis lines usually do not ask for your name.',
          ],
          country: 'DE',
          countryName: 'Germany',
          childDanger: 'Is a child in danger right now?',
          suicide: 'Thinking of ending your life?',
          lines: [
            {
              kind: 'emergency',
              kindLabel: 'Emergency',
              heading: 'Is someone in danger right now?',
              privacy: 'Emergency services see the number you call from, and may ask for your name and where you are.',
              name: 'European emergency number 112',
              number: '112',
              tel: 'tel:112',
              hours: 'Hours: 24/7',
              hoursText: '24/7',
              source: 'https://www.anacom.pt/render.jsp?contentId=779218',
            },
            {
              kind: 'child_helpline',
              kindLabel: 'Child helpline',
              heading: 'Are you a child or young person who needs to talk?',
              privacy: 'Child helplines usually do not ask for your name.',
              name: 'Nummer gegen Kummer – Kinder- und Jugendtelefon',
              number: '116 111',
              tel: 'tel:116111',
              hours: 'Hours: Mon-Sat 14:00-20:00; also Mon, Wed, Thu 10:00-12:00 (as shown 2020)',
              hoursText: 'Mon-Sat 14:00-20:00; also Mon, Wed, Thu 10:00-12:00 (as shown 2020)',
              source: 'https://www.bmfsfj.de/bmfsfj/mediathek/anrufen-mailen-chatten-gegen-sorgen-154556',
            },
            {
              kind: 'crisis',
              kindLabel: 'Crisis line',
              heading: 'Thinking of ending your life?',
              privacy: 'Crisis lines usually do not ask for your name.',
              name: 'TelefonSeelsorge',
              number: '0800 111 0 111',
              tel: 'tel:08001110111',
              hours: 'Hours: 24/7',
              hoursText: '24/7',
              source: 'https://www.spektrum.de/news/telefonseelsorge-erste-hilfe-fuer-die-seele/2055834',
            },
            {
              kind: 'missing_children',
              kindLabel: 'Missing children',
              heading: 'Missing children',
              name: 'Hotline für vermisste Kinder (Initiative Vermisste Kinder)',
              number: '116 000',
              tel: 'tel:116000',
              hours: 'Hours: 24/7',
              hoursText: '24/7',
              source: 'https://initiative-vermisste-kinder.de/hotlineinfo',
            },
          ],
          shared: false,
          eu: 'In every EU country: 112 for emergencies. Many European countries also have 116 111 for children and young people and 116 123 for emotional support.',
          countries: [
            {
              code: 'AU',
              name: 'Australia',
            },
            {
              code: 'AT',
              name: 'Austria',
            },
            {
              code: 'BE',
              name: 'Belgium',
            },
          ],
        },
        showUrgent: false,
        urgentSuggested: false,
        languages: [
          {
            code: 'en',
            name: 'English',
          },
          {
            code: 'ar',
            name: 'العربية',
          },
          {
            code: 'bg',
            name: 'Български',
          },
        ],
      },
    },
  },
  malformedBody: {
    summary: 'The response to the body {"state": "broken (not JSON): a new conversation\'s first step, with a notice; lists shortened',
    value: {
      ui: 'en',
      dir: 'ltr',
      state: 'k1.AbC…',
      notice: 'Something went wrong with that step. You can carry on from here.',
      step: {
        nodeId: 'asker',
        number: 1,
        total: 6,
        prompt: 'Who are you looking for help for?',
        parser: 'choice',
        options: [
          {
            id: 'self',
            label: 'Me, about my own thoughts or behaviour',
            selected: false,
          },
          {
            id: 'someone',
            label: 'Someone I know or care about',
            selected: false,
          },
          {
            id: 'young',
            label: 'I am under 18 and worried about my own thoughts or behaviour',
            selected: false,
          },
          {
            id: 'professional',
            label: 'I work with people who need this help',
            selected: false,
          },
        ],
        canGoBack: false,
        suggestions: [],
      },
      urgent: URGENT_NO_COUNTRY,
      showUrgent: false,
      urgentSuggested: false,
      languages: [
        {
          code: 'en',
          name: 'English',
        },
        {
          code: 'ar',
          name: 'العربية',
        },
        {
          code: 'bg',
          name: 'Български',
        },
      ],
    },
  },
  oversizedBody: {
    summary: 'The response to a body over 64 KiB; the list of countries shortened',
    value: {
      error: {
        status: 413,
        message: 'Something went wrong with that step. You can carry on from here.',
      },
      urgent: URGENT_NO_COUNTRY,
    },
  },
}
