"""The words people use for their field, and which fields go together. Hand-written.

`relpolicy.fields` reads LinkedIn's industry labels (V2, and V1 through its codes) from
`_industry_table`; this module adds what those labels leave out: the words people
write in a headline or a skills list ("HR", "recruiter", "software engineer", "nurse",
"career coach"), a few fields narrower than any LinkedIn industry, and a default map of
complementary fields.

Every target below is either a V2 industry label or a name in `NAMED_FIELDS`; the
tests check that each one resolves.
"""

from __future__ import annotations

#: Fields narrower than a LinkedIn industry, each placed in the V2 industry that holds it.
#: "Career Coaching" is not a LinkedIn label: career coaches list themselves under
#: "Professional Training & Coaching" (V1 105, V2 105 "Professional Training and Coaching").
NAMED_FIELDS: dict[str, str] = {
    "Career Coaching": "Professional Training and Coaching",
    "Outplacement": "Human Resources Services",
    "Workforce Development": "Technical and Vocational Training",
    "Product Management": "Technology, Information and Internet",
    "Tax": "Accounting",
}

#: Words people write for a field, by the field (a named field or a V2 label) they mean.
#: Plurals need not be listed: words are compared without a plural "s".
# fmt: off
ALIASES: dict[str, tuple[str, ...]] = {
    # -- careers and people ----------------------------------------------------------------
    "Career Coaching": (
        "career coach", "career coaching", "career counselor", "career counsellor",
        "career counseling", "career counselling", "career advisor", "career adviser",
        "career consultant", "career strategist", "career development", "career services",
        "career management", "career transition coach", "job search coach", "job search coaching",
        "job search strategist", "job search strategy", "resume writer", "resume writing",
        "résumé writer", "résumé writing", "interview coach", "interview coaching",
        "interview preparation",
    ),
    "Outplacement": (
        "outplacement", "outplacement services", "career transition services",
        "career transition consultant",
    ),
    "Workforce Development": (
        "workforce development", "workforce board", "workforce development board", "job training",
        "employment services", "employment specialist", "job developer", "job placement",
        "american job center",
    ),
    "Professional Training and Coaching": (
        "coach", "coaching", "executive coach", "executive coaching", "leadership coach",
        "leadership coaching", "leadership development", "life coach", "business coach",
        "corporate trainer", "trainer", "training and development", "learning and development",
        "l&d", "facilitator",
    ),
    "Human Resources Services": (
        "hr", "human resources", "human resource", "people operations", "people ops",
        "people and culture", "hrbp", "hr business partner", "hr generalist", "hr manager",
        "hr director", "chro", "chief people officer", "talent management", "employee relations",
        "employee engagement", "compensation and benefits", "benefits administration", "hris",
        "payroll", "personnel", "labor relations", "organizational development", "onboarding",
    ),
    "Staffing and Recruiting": (
        "recruiter", "recruiting", "recruitment", "talent acquisition", "talent sourcing",
        "sourcer", "headhunter", "headhunting", "staffing", "staffing agency", "technical recruiter",
        "recruitment consultant", "executive recruiter",
    ),
    "Executive Search Services": ("executive search",),
    # -- software, product, design, data, IT ------------------------------------------------
    "Software Development": (
        "software", "software engineer", "software engineering", "software developer",
        "software architect", "software architecture", "developer", "programmer", "programming",
        "coding", "full stack", "backend", "back end", "frontend", "front end", "web developer",
        "web development", "mobile developer", "ios developer", "android developer", "devops",
        "site reliability", "sre", "swe", "python", "java", "javascript", "typescript", "golang",
        "react", "qa engineer", "test automation", "saas",
    ),
    "Product Management": (
        "product manager", "product management", "product owner", "product lead",
        "head of product", "product leader", "vp product", "vp of product",
        "chief product officer", "product strategy",
    ),
    "Design Services": (
        "designer", "ux", "ui", "ux designer", "ui designer", "ux design", "user experience",
        "user interface", "product designer", "product design", "interaction design",
        "interaction designer", "service design", "figma", "user research", "ux research",
        "ux researcher", "web design", "web designer",
    ),
    "Graphic Design": (
        "graphic designer", "visual designer", "visual design", "brand designer", "illustrator",
        "photoshop", "adobe creative suite",
    ),
    "Data Infrastructure and Analytics": (
        "data science", "data scientist", "data analyst", "data analysis", "data analytics",
        "data engineering", "data engineer", "machine learning", "ai", "artificial intelligence",
        "analytics", "business intelligence", "sql", "tableau", "power bi",
    ),
    "IT Services and IT Consulting": (
        "information technology", "it support", "it services", "it consultant", "it consulting",
        "it manager", "it director", "it specialist", "it professional", "it infrastructure",
        "help desk", "helpdesk", "service desk", "system administrator", "systems administrator",
        "sysadmin", "network engineer", "network administrator", "cloud engineer",
        "cloud architect", "solutions architect",
    ),
    "Computer and Network Security": (
        "cybersecurity", "cyber security", "information security", "infosec", "security analyst",
        "penetration testing", "ethical hacker",
    ),
    # -- money and law -----------------------------------------------------------------------
    "Accounting": (
        "accountant", "cpa", "certified public accountant", "chartered accountant", "bookkeeper",
        "bookkeeping", "auditor", "audit", "auditing", "controller", "financial controller",
        "accounts payable", "accounts receivable", "quickbooks", "gaap", "acca",
    ),
    "Tax": (
        "tax", "taxation", "tax preparer", "tax preparation", "tax advisor", "tax adviser",
        "enrolled agent",
    ),
    "Financial Services": (
        "finance", "financial", "financial analyst", "financial analysis", "financial planning",
        "financial planner", "financial advisor", "financial adviser", "fp&a", "cfo",
        "chief financial officer", "treasury", "financial modeling", "financial modelling",
        "corporate finance", "fintech",
    ),
    "Investment Management": ("wealth management", "portfolio manager", "asset management"),
    "Investment Banking": ("investment banker",),
    "Banking": ("banker", "bank"),
    "Loan Brokers": ("mortgage broker", "loan officer", "mortgage"),
    "Insurance": ("insurance agent", "insurance broker", "underwriter", "underwriting"),
    "Claims Adjusting, Actuarial Services": ("actuary", "actuarial", "claims adjuster"),
    "Venture Capital and Private Equity Principals": ("venture capital", "private equity", "vc"),
    "Law Practice": (
        "lawyer", "attorney", "attorney at law", "counsel", "general counsel", "law", "solicitor",
        "barrister", "litigation", "litigator", "esq",
    ),
    "Legal Services": ("legal", "paralegal", "legal assistant", "legal operations"),
    # -- health and care ---------------------------------------------------------------------
    "Hospitals and Health Care": (
        "health care", "healthcare", "nurse", "nursing", "registered nurse", "rn", "lpn", "bsn",
        "nurse practitioner", "patient care", "clinical", "clinician", "healthcare administration",
        "medical", "health", "caregiver",
    ),
    "Physicians": ("physician", "doctor", "medical doctor", "surgeon", "pediatrician"),
    "Mental Health Care": (
        "therapist", "psychotherapist", "psychologist", "counselor", "counsellor", "mental health",
        "lcsw", "lpc", "lmft", "marriage and family therapist", "psychiatrist", "behavioral health",
    ),
    "Physical, Occupational and Speech Therapists": (
        "physical therapist", "physiotherapist", "occupational therapist", "speech therapist",
        "speech language pathologist",
    ),
    "Dentists": ("dentist", "dental", "dental hygienist"),
    "Pharmaceutical Manufacturing": ("pharma", "pharmaceutical"),
    "Retail Pharmacies": ("pharmacist", "pharmacy"),
    "Biotechnology Research": ("biotech", "life sciences"),
    "Individual and Family Services": ("social worker", "social work", "case manager", "case management"),
    "Wellness and Fitness Services": (
        "personal trainer", "fitness instructor", "yoga instructor", "wellness coach", "health coach",
        "fitness", "wellness",
    ),
    "Child Day Care Services": ("childcare", "child care", "daycare", "nanny"),
    # -- marketing, media, writing -----------------------------------------------------------
    "Advertising Services": (
        "marketing", "marketer", "marketing manager", "marketing director", "digital marketing",
        "content marketing", "social media marketing", "social media", "seo", "sem", "ppc",
        "advertising", "growth marketing", "brand manager", "branding", "brand strategy",
        "marketing strategy", "email marketing", "performance marketing", "media buyer", "cmo",
        "chief marketing officer", "product marketing",
    ),
    "Public Relations and Communications Services": (
        "public relations", "pr", "corporate communications", "communications manager",
        "communications director", "communications specialist", "media relations", "publicist",
    ),
    "Market Research": ("market researcher", "consumer insights"),
    "Writing and Editing": (
        "writer", "writing", "editor", "editing", "copywriter", "copywriting", "content writer",
        "technical writer", "proofreading",
    ),
    "Artists and Writers": ("author", "artist"),
    "Newspaper Publishing": ("journalist", "journalism", "reporter"),
    "Media Production": ("video production", "videographer", "video editor", "video editing", "filmmaker"),
    "Photography": ("photographer",),
    "Musicians": ("musician",),
    "Telecommunications": ("telecom",),
    # -- operations, supply chain, trades -----------------------------------------------------
    "Transportation, Logistics, Supply Chain and Storage": (
        "supply chain", "supply chain management", "logistics", "logistics manager", "procurement",
        "purchasing", "inventory", "inventory management", "inventory control", "demand planning",
        "demand planner", "materials management", "distribution", "s&op", "fleet management",
        "transportation", "shipping",
    ),
    "Warehousing and Storage": ("warehouse", "warehousing", "warehouse manager", "fulfillment"),
    "Freight and Package Transportation": ("freight", "courier", "delivery driver"),
    "Truck Transportation": ("trucking", "truck driver", "cdl"),
    "Operations Consulting": (
        "operations consultant", "process improvement", "lean six sigma", "six sigma",
        "continuous improvement",
    ),
    "Engineering Services": (
        "engineer", "engineering", "mechanical engineer", "mechanical engineering",
        "electrical engineer", "electrical engineering", "industrial engineer",
    ),
    "Civil Engineering": ("civil engineer", "structural engineer"),
    "Architecture and Planning": ("architect", "architecture", "urban planner", "urban planning"),
    "Construction": ("construction manager", "general contractor", "contractor"),
    "Manufacturing": ("plant manager", "production manager"),
    "Real Estate": (
        "realtor", "real estate agent", "real estate broker", "real estate developer",
        "property developer", "realty", "property management", "property manager",
    ),
    # -- education ---------------------------------------------------------------------------
    "Primary and Secondary Education": (
        "teacher", "teaching", "educator", "k-12", "school teacher", "special education",
        "elementary education",
    ),
    "Higher Education": (
        "professor", "lecturer", "academia", "academic", "faculty", "higher ed",
    ),
    "E-Learning Providers": (
        "e-learning", "elearning", "online learning", "instructional design", "instructional designer",
        "edtech", "learning experience design",
    ),
    # -- public, social, services ------------------------------------------------------------
    "Non-profit Organizations": (
        "nonprofit", "non profit", "not for profit", "ngo", "charity", "nonprofit management",
    ),
    "Fundraising": ("fundraiser", "grant writer", "grant writing", "donor relations", "major gifts"),
    "Government Administration": (
        "government", "public sector", "public service", "civil servant", "public administration",
        "federal government",
    ),
    "Armed Forces": ("military", "army", "navy", "air force", "marine corps", "usmc"),
    "Law Enforcement": ("police officer", "police", "sheriff", "detective"),
    "Fire Protection": ("firefighter",),
    "Retail": ("retail manager", "store manager", "merchandising", "merchandiser", "cashier"),
    "Online and Mail Order Retail": ("ecommerce", "e-commerce"),
    "Hospitality": ("hotel", "hotel management"),
    "Restaurants": ("restaurant", "chef", "culinary", "food service"),
    "Events Services": ("event planner", "event planning", "event management", "wedding planner"),
    "Translation and Localization": ("translator", "interpreter", "translation"),
    "Office Administration": (
        "administrative assistant", "executive assistant", "office manager", "receptionist",
        "admin assistant", "virtual assistant",
    ),
    "Religious Institutions": ("pastor", "clergy", "chaplain"),
    "Business Consulting and Services": (
        "consultant", "consulting", "management consultant", "business consultant",
    ),
    "Strategic Management Services": ("strategy consulting", "strategy consultant", "strategic planning"),
    "Research Services": ("researcher", "research scientist", "r&d"),
}
# fmt: on

#: Names that mean a field when they are the whole text (a hiring-network entry, a
#: configured pair, an industry typed in), but are too common a word to look for in a
#: headline ("it", "tech").
WHOLE_NAMES: dict[str, tuple[str, ...]] = {
    "IT Services and IT Consulting": ("IT",),
    "Technology, Information and Internet": ("Tech", "Technology", "High Tech"),
    "Office Administration": ("Admin", "Administration"),
    "Staffing and Recruiting": ("TA",),
}

#: Fields whose people work with each other, refer to each other, or serve the same
#: people. A pair naming an industry covers the fields inside it (its named fields and
#: the industries below it in LinkedIn's hierarchy); a pair naming a named field covers
#: that field only. Each pair says in a comment why it belongs here.
COMPLEMENTARY: tuple[tuple[str, str], ...] = (
    # A career coach works beside the people who hire and place.
    ("Career Coaching", "Human Resources Services"),  # both develop careers and hiring
    ("Career Coaching", "Staffing and Recruiting"),  # recruiters place the people coaches prepare
    ("Career Coaching", "Outplacement"),  # outplacement firms engage career coaches
    ("Career Coaching", "Workforce Development"),  # job-training programs coach job seekers
    ("Career Coaching", "Higher Education"),  # campus career centres do career coaching
    ("Human Resources Services", "Staffing and Recruiting"),  # HR hires through recruiters
    ("Human Resources Services", "Professional Training and Coaching"),  # L&D sits in HR
    ("Human Resources Services", "Workforce Development"),  # employers hire from training programs
    ("Staffing and Recruiting", "Workforce Development"),  # placement agencies work with job programs
    # Building software takes product and design.
    ("Software Development", "Product Management"),  # product managers direct what engineers build
    ("Software Development", "Design Services"),  # designers and engineers build products together
    ("Product Management", "Design Services"),  # product and design decide what gets built
    ("Software Development", "IT Services and IT Consulting"),  # IT firms build and run software
    # Money and law.
    ("Accounting", "Financial Services"),  # accountants keep the books finance runs on
    ("Accounting", "Legal Services"),  # tax and corporate work join accountants and lawyers
    ("Tax", "Legal Services"),  # tax law
    ("Tax", "Financial Services"),  # tax planning is part of financial planning
    ("Human Resources Services", "Legal Services"),  # employment law
    # Telling the world.
    ("Advertising Services", "Design Services"),  # campaigns need designers
    ("Advertising Services", "Marketing Services"),  # the same work, in two places of the tree
    ("Advertising Services", "Writing and Editing"),  # copywriters write for marketers
    # Care.
    ("Hospitals and Health Care", "Pharmaceutical Manufacturing"),  # clinicians and drug makers
    ("Hospitals and Health Care", "Medical Equipment Manufacturing"),  # clinicians and device makers
    ("Hospitals and Health Care", "Biotechnology Research"),  # clinical research
    # Building and moving things.
    ("Real Estate", "Construction"),  # developers and builders
    ("Architecture and Planning", "Construction"),  # architects design what builders build
    ("Transportation, Logistics, Supply Chain and Storage", "Manufacturing"),  # supply chains feed plants
    ("Transportation, Logistics, Supply Chain and Storage", "Wholesale"),  # wholesale runs on logistics
    # Doing good.
    ("Non-profit Organizations", "Fundraising"),  # non-profits run on fundraising
)
