/**
 * Word lists for the generated mailbox. Deliberately international: accents, CJK, right-to-left scripts,
 * emoji (including ZWJ sequences), very long strings and a few hostile strings, because the UI must render
 * all of them safely.
 */

export const LATIN_FIRST = [
  'Camille', 'Léa', 'Chloé', 'Zoé', 'Hélène', 'François', 'Jérôme', 'Noël', 'Inès', 'Maëlle', 'Théo', 'Aurélien',
  'José', 'María', 'Lucía', 'Sofía', 'Martín', 'Joaquín', 'Iñaki', 'Ángel', 'Begoña', 'João', 'Conceição', 'Gonçalo',
  'Björn', 'Jürgen', 'Søren', 'Åsa', 'Ørjan', 'Zoë', 'Łukasz', 'Małgorzata', 'Wojciech', 'Ştefan', 'Đorđe', 'Ayşe',
  'Mehmet', 'Çağla', 'Gökhan', 'Emma', 'Olivia', 'Liam', 'Noah', 'James', 'Ava', 'Mia', 'Ethan', 'Harper', 'Jack',
  'Grace', 'Oliver', 'Amelia', 'Henry', 'Giulia', 'Alessandro', 'Francesca', 'Matteo', 'Lukas', 'Anna', 'Jonas',
  'Lena', 'Siobhán', 'Seán', 'Aoife', 'Niamh', 'Kwame', 'Amara', 'Chidi', 'Ngozi', 'Thandiwe', 'Priya', 'Arjun',
  'Rohan', 'Ananya', 'Mateus', 'Beatriz', 'Tomás', 'Ximena', 'Renée', 'Anaïs', 'Gaëlle', 'Loïc', 'Benoît', 'Cécile',
];

export const LATIN_LAST = [
  'Martin', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Bérard', 'García', 'Fernández', 'Núñez', 'Muñoz', 'Peña',
  'Müller', 'Schröder', 'Weiß', 'Köhler', 'Nowak', 'Kowalski', 'Wiśniewski', 'Smith', 'Johnson', 'Brown', 'Taylor',
  'Rossi', 'Bianchi', 'Esposito', 'Silva', 'Santos', 'Gonçalves', 'Yılmaz', 'Öztürk', 'Şahin', 'Øvergaard',
  'Nguyễn', 'Trần', 'Đặng', "O'Brien", 'Van der Berg', 'de la Cruz', 'Dvořák', 'Novák', 'Horváth', 'Kovačević',
  'Lindqvist', 'Ångström', 'Okafor', 'Mensah', 'Adeyemi', 'Patel', 'Sharma', 'Iyer', 'Costa', 'Ferreira', 'Laurent',
];

export const SCRIPT_NAMES = {
  cjk: ['王伟', '李娜', '张敏', '刘洋', '陈静', '杨磊', '黄晓明', '佐藤 花子', '鈴木 一郎', '高橋 結衣', '田中 蓮', '山本 さくら'],
  korean: ['김민준', '이서연', '박지훈', '최유진', '정하늘'],
  arabic: ['محمد العلي', 'فاطمة الزهراء', 'أحمد حسن', 'ليلى منصور', 'يوسف الخطيب', 'علي رضایی', 'نور الهدى'],
  hebrew: ['נועה כהן', 'יוסי לוי', 'מיכל אברהם', 'דוד מזרחי', 'שירה פרץ'],
  cyrillic: ['Анна Смирнова', 'Дмитрий Иванов', 'Ольга Петрова', 'Сергей Кузнецов', 'Наталья Волкова', 'Олександр Шевченко'],
  greek: ['Γιώργος Παπαδόπουλος', 'Ελένη Νικολάου', 'Νίκος Γεωργίου'],
  indic: ['प्रिया शर्मा', 'राहुल वर्मा', 'অনন্যা দাস', 'கார்த்திக் ராஜா'],
  thai: ['สมชาย ใจดี', 'มาลี สุขใจ'],
  mixed: ['Sara سارا', 'Daniel דניאל', 'Mei 美', 'Yuki ゆき'],
} as const;

export const EMOJI_NAMES = [
  'Mum ❤️', 'Dad 👨‍🦳', 'Alex 🚀', '🏀 Coach Mike', 'Zoé 🌸', 'Team lead 🧑‍💻', 'Grandma 👵🏽', 'Sam 🏳️‍🌈', 'Lina ✨✨',
  '🎸 Marco', 'Nina 🇧🇷', 'Pedro 🇵🇹', 'Kenji 🍣', 'Bestie 💅', '👨‍👩‍👧‍👦',
];

export const LONG_NAMES = [
  'María de los Ángeles Fernández de la Concepción Rodríguez y Villanueva-Santamaría del Castillo de Guzmán',
  'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr. (Philadelphia office, available Mondays and Thursdays only)',
  'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeit',
  'Dr. Anne-Sophie Marguerite Élisabeth de Montmorency-Laval, Cabinet de cardiologie pédiatrique et adulte — Lyon 6e',
];

export const BUSINESS_NAMES = [
  'Acme Support', 'Dr. Émilie Roux — Cabinet dentaire', 'Boulangerie Martin', 'Uber Eats', 'DHL Express', 'Airbnb Host Ana',
  'Hôtel Le Marais', 'Pizzeria Da Michele', 'Garage Dupont', 'Landlord (Rue Oberkampf)', 'Recruiter — Stripe', 'Bank advisor',
];

export const GROUP_NAMES = [
  'Family 👨‍👩‍👧‍👦', 'Famille Martin', 'Book club 📚', 'Climbing crew 🧗', 'Hackathon 2026', 'Appartement Rue Oberkampf',
  'Wedding planning 💍', 'Équipe Produit', '5-a-side football ⚽', 'מסיבת יום הולדת', 'فريق التسويق', '家族群', '同期会 2015',
  '동창회', 'Neighbours (Bldg B)', 'Investors — Seed round', 'Design critique', 'Ski trip 🎿 Feb', 'Parents — CE2 B',
  'Running club Sunday 🏃', 'Board game night 🎲', 'Launch war room', 'Soirée du 14 juillet', 'Пятничный чат',
  'Q3 Product Launch War Room — Engineering, Design, Marketing, Sales & Customer Success (EMEA + APAC) 🚀🚀🚀',
  'Oncall handover', 'Moving day 📦', 'Lisbon trip 2025 🇵🇹', 'Photography walks', 'Kita-Eltern Gruppe Sonnenblume',
];

export const SLACK_CHANNELS = [
  'general', 'random', 'eng-backend', 'eng-frontend', 'incidents', 'sales-emea', 'design-reviews', 'product',
  'support-escalations', 'deploys', 'hiring', 'offsite-2026', 'customer-feedback', 'data-platform', 'watercooler',
];

export const BROADCAST_NAMES = [
  'announcements', 'company-news', 'Tech Weekly 📰', 'Promotions & offers', 'Status updates', 'Новости', 'Daily deals 🔥',
  'Release notes', 'Community updates',
];

export const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella Health', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Pied Piper', 'Vandelay', 'Soylent'];
export const OCCUPATIONS = ['Software Engineer', 'Product Manager', 'Head of Sales', 'Talent Acquisition Partner', 'CTO', 'Designer', 'Founder', 'Account Executive', 'Data Scientist', 'Recruiter'];
export const LOCATIONS = ['Paris, Île-de-France, France', 'Berlin, Germany', 'London, England, United Kingdom', 'San Francisco Bay Area', 'Lisbon, Portugal', 'Tokyo, Japan', 'Tel Aviv, Israel', 'Dubai, UAE', 'São Paulo, Brazil'];

export const SUBJECTS = [
  'Opportunity at Stripe — Senior Backend Engineer', 'Quick question about your experience', 'Partnership proposal',
  'Re: Your application', 'Invitation: Product Leaders Summit 2026', 'Following up on our call', 'Job offer: Staff Engineer',
  'Exclusive webinar for engineering leaders', 'Coffee next week?', 'Your profile caught my attention',
];

export const CUSTOM_FOLDERS = ['Clients', 'Hiring 2026', 'Famille', 'Follow-up ✅', 'Invoices', 'VIP'];

export const PLAIN_MESSAGES = [
  'Hey! Are we still on for tomorrow?', 'Sounds good 👍', 'Can you send me the deck?', 'On my way',
  "Thanks, I'll take a look tonight.", 'Ok', 'Perfect, see you then!', 'Did you get my email?', '😂😂😂', '👍',
  'Je suis en retard de 10 minutes, désolé !', "C'est noté, merci 🙏", '¿Nos vemos a las 7?', 'Danke dir!', 'Até já!',
  '好的，明天见', 'ありがとうございます！', '감사합니다 😊', 'شكراً جزيلاً، سأرسل الملف غداً', 'תודה רבה! נדבר מחר',
  'Спасибо, получил', 'Ευχαριστώ πολύ!', 'Here is the link: https://example.com/docs/roadmap-2026',
  'Agenda for Thursday:\n1. Status\n2. Risks\n3. Next steps', 'Can we move the call to 3pm?', 'Happy birthday!! 🎉🎂',
  'The build is green again ✅', 'Who has the keys to the storage room?', 'I just pushed the fix, can you re-test?',
  'Let me check with the team and get back to you', 'Dinner at ours on Saturday? 🍝', 'Landing at 18:40 ✈️',
  'Invoice attached, payment due in 30 days.', 'Voice call missed, call me back when you can',
  'Long story short: the vendor slipped the delivery again, so we need to decide today whether we ship without the new ' +
    'onboarding flow or push the launch by a week. I lean towards shipping — the old flow works, support is briefed, ' +
    'and marketing already booked the newsletter slot. Thoughts? If you disagree please say so before 5pm so I can tell ' +
    'everyone, otherwise I will confirm the plan in #launch and update the status page copy tonight.',
  'ok ok ok', 'Nope', 'Yes!', '🙈', 'Ça marche', 'Vale, perfecto', 'Ja, passt', 'Sí claro', 'מעולה', 'تمام',
];

export const LINKEDIN_HTML_MESSAGES = [
  '<p>Hi {first},</p><p>I came across your profile and was impressed by your work at <strong>{company}</strong>. Would you be open to a quick chat this week?</p><p>Best,<br>{me}</p>',
  '<p>Thanks for connecting! Here is our <a href="https://example.com/careers">careers page</a> with the open roles.</p>',
  '<p>Following up on my previous message — <strong>are you still interested</strong> in the role?</p>',
  '<p>Great speaking today. As promised:</p><ul><li>Deck</li><li>Pricing</li><li>Case studies</li></ul>',
  '<p>Congrats on the new position at <strong>{company}</strong>! 🎉</p>',
];

export const LINKEDIN_PLAIN_MESSAGES = [
  'Thanks for reaching out! Happy to chat.', 'Not looking right now, but let’s stay in touch.', 'Sure, what time works for you?',
  'Could you share the job description?', 'I have accepted your invitation.', 'Appreciate it — speak soon.',
];

/** Strings the UI must show as text, never interpret. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "<a href=\"javascript:alert('xss')\">click me</a>",
  '{{constructor.constructor(\'alert(1)\')()}}',
  '<iframe src="https://example.com"></iframe> & &amp; &lt;b&gt;',
];

export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏', '🔥', '🎉', '👀'];

export const FILE_TEMPLATES: readonly { name: string; kind: 'pdf' | 'txt' | 'csv' | 'log' }[] = [
  { name: 'Q3-roadmap.pdf', kind: 'pdf' },
  { name: 'Contrat de location — signé.pdf', kind: 'pdf' },
  { name: 'invoice-2025-0142.pdf', kind: 'pdf' },
  { name: 'CV_María_Núñez.pdf', kind: 'pdf' },
  { name: 'meeting-notes.txt', kind: 'txt' },
  { name: 'export-customers.csv', kind: 'csv' },
  { name: 'server.log', kind: 'log' },
  { name: '見積書.pdf', kind: 'pdf' },
];
