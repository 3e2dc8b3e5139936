"""The kinds of wording a pitch is made of, as phrase templates (see `relpolicy.text.phrase_pattern`).

Each category names one move of a sales pitch, written as patterns over a few word
lists rather than as remembered sentences. What makes a pitch is the *direction*: an
offer aimed at the reader's business ("I can get *you* more clients", "*your* website
is out of date", "firms like *yours* are overpaying", "I get coaches 10 new clients a
month") is a pitch; the same words about the writer's own situation ("my website",
"our clients", "I'm looking for a role in SEO") are not, which is why only `OFFER`
counts on its own and the other categories need each other. `PRICE`, `ADVERT` and
`SERVICE_HEADLINE` (services advertised where a person would say who they are) are
weak signals on their own; `MEETING` (a push for a call) counts only after an offer.
"""

from __future__ import annotations

import re

# -- word lists ----------------------------------------------------------------------

#: What a pitch promises to produce for a business.
OUTCOMES = (
    "(business|businesses|revenue|revenues|sales|client|clients|customer|customers|lead|leads"
    "|traffic|income|profit|profits|practice|brand|pipeline|calendar|bookings|appointments|figure"
    "|figures|followers|ranking|rankings|conversions|roi|money|deals|patients|audience|signups)"
)
#: Verbs of making a business grow.
GROWING = (
    "(grow|grows|scale|scales|get|gets|attract|attracts|land|lands|sign|generate|generates|double"
    "|triple|10x|increase|increases|boost|boosts|build|builds|fill|fills|make|makes|earn|rank|win"
    "|close|book|skyrocket|hit|reach|multiply|maximize|explode)"
)
#: How much more a pitch promises.
MORE = (
    "(more|#|new|extra|qualified|consistent|high ticket|paying|better|tons of|hundreds of"
    "|dozens of|ten|twenty|fifty|a hundred)"
)
#: What a pitch finds wrong with, or offers to fix in, the reader's business.
ASSETS = (
    "(website|websites|site|sites|web site|webpage|page|landing page|profile|linkedin|branding"
    "|brand|logo|seo|marketing|online presence|funnel|content|copy|ads|ranking|rankings|reviews)"
)
#: Who speaks when a writer offers to act: "I", "we", "I'll", "let me" ...
AGENTS = "(i|we|let me|let us|lets|i'll|we'll|i'd|we'd|i'm|we're|our team|my team)"
#: What a pitch offers to look over in the reader's affairs.
REVIEWED = (
    "(website|site|seo|marketing|ads|funnel|profile|linkedin|linkedin profile|content|brand|resume"
    "|retirement|retirement plan|insurance|portfolio|finances|benefits|401k|taxes|tax return|investments)"
)
#: Business owners, the people a pitch is aimed at.
OWNERS = (
    "(coaches|consultants|entrepreneurs|business owners|solopreneurs|course creators"
    "|service providers|agencies|small businesses|startups|founders|experts|coaching businesses"
    "|brands|companies|practices)"
)

#: Kinds of business a vendor sells to (plural: a market, not a person).
BUSINESSES = (
    "(coaches|consultants|entrepreneurs|business owners|solopreneurs|course creators|service providers"
    "|agencies|small businesses|businesses|startups|founders|coaching businesses|brands|companies|practices"
    "|private practices|firms|accounting firms|cpa firms|law firms|clinics|dentists|doctors|therapists"
    "|chiropractors|realtors|real estate agents|brokers|lawyers|attorneys|accountants|cpas|advisors"
    "|contractors|restaurants|gyms|retailers|stores|shops|ecommerce brands|saas companies|saas founders"
    "|b2b companies|creators|hospitals|offices|small offices|physicians|salons|franchises|landlords"
    "|plumbers|electricians|roofers|landscapers|photographers|authors|speakers|podcasters|orthodontists"
    "|veterinarians|vets|pharmacies|recruiters|staffing agencies|insurance agents|mortgage brokers"
    "|financial advisors|wealth managers|med spas|spas|dental practices|medical practices|home builders)"
)
#: Whom a pitch promises results to: businesses, and the people a coach or a vendor serves.
AUDIENCES = (
    f"({BUSINESSES}|clients|professionals|executives|leaders|job seekers|nurses|women|moms|students"
    "|graduates|people|teams|sellers|agents|experts)"
)
#: Results counted in a claim: "10 new clients", "30 booked calls", "5 interviews".
RESULTS = (
    "(clients|customers|leads|appointments|calls|booked calls|sales calls|meetings|demos|bookings|patients"
    "|signups|sign ups|subscribers|followers|users|deals|sales|students|members|interviews|offers"
    "|job offers|referrals|reviews|placements|hires|projects|listings|jobs|figures|conversions)"
)
#: Verbs of bringing results to someone: "I *get* coaches 10 new clients".
DELIVERING = (
    "(get|gets|bring|brings|generate|generates|book|books|deliver|delivers|drive|drives|send|sends|land"
    "|lands|add|adds|fill|fills|win|wins|attract|attracts|produce|produces)"
)
#: How a result count is stretched: "over 30", "up to 20", "an extra 5".
AT_LEAST = "[over|up to|an extra|an average of|at least|more than|a guaranteed]"
#: What a pitch finds wrong in the reader's business ("is your *app* losing users?").
OPERATIONS = (
    f"({ASSETS}|app|apps|business|practice|firm|company|team|clinic|store|shop|agency|product|pipeline"
    "|sales|cash flow|checkout|onboarding|office|hospital|restaurant|campaigns|emails|listing|listings)"
)
#: Organisations a pitch compares the reader's with ("firms like yours").
ORGANISATIONS = (
    "(business|businesses|company|companies|firm|firms|practice|practices|clinic|clinics|hospital|hospitals"
    "|agency|agencies|team|teams|brand|brands|store|stores|shop|shops|restaurant|restaurants|startup"
    "|startups|organization|organizations|organisation|organisations|school|schools|office|offices"
    "|department|departments|coaches|owners|leaders)"
)
#: Growing the reader's team with the writer's people: "scale your team", "staff your project".
TEAM = (
    "(team|teams|workforce|staff|capacity|headcount|bench|engineering|dev team|development team|project"
    "|projects)"
)
#: Costs a pitch offers to cut.
COSTS = (
    "(cost|costs|spend|spending|bill|bills|fees|fee|churn|turnover|overhead|expenses|taxes|premiums|rates"
    "|payroll|no shows|cac|waste|downtime|hiring costs|agency spend)"
)
#: What a free offer gives away: "a free *audit*", "free *portfolio review*".
FREEBIES = (
    "[portfolio|resume|profile|website|site|seo|tax|benefits|insurance|retirement|marketing|linkedin|brand"
    "|strategy|growth|business|career|ads] (consultation|consult|audit|review|reviews|mockup|mockups"
    "|mock up|sample|samples|trial|quote|quotes|estimate|estimates|assessment|analysis|report|session"
    "|guide|ebook|e book|checklist|template|templates|blueprint|masterclass|webinar|training|demo|class"
    "|evaluation|gift|download|plan|roadmap|teardown)"
)
#: Work that is sold: what a headline names in place of a job title ("web design for coaches").
SOLD_WORK = (
    "(design|web design|websites|web sites|sites|marketing|digital marketing|seo|growth|acquisition"
    "|client acquisition|appointment setting|ads|advertising|paid social|social media|leads|lead generation"
    "|lead gen|funnels|branding|copywriting|content|it support|tech support|software|apps|mvps|automation"
    "|outreach|staffing|placements|solutions|services|bookkeeping|payroll|videos|video|photography"
    "|consulting|pr|publicity|profiles|resumes|systems)"
)

# -- categories ----------------------------------------------------------------------

#: An offer aimed at the reader: to grow their business, fix their website, find them
#: a job. The one category that is a pitch's direction in itself.
OFFER = (
    f"(help|helps|helping) you [to] *2 {GROWING} *3 {OUTCOMES}",
    f"(get|gets|bring|send|drive|deliver|generate|book|attract|land|win|find|fill) you *2 {MORE}"
    f" *2 {OUTCOMES}",
    f"your {ASSETS} *3 (is|s|looks|seems|feels|could|needs|isnt|is not|lacks|appears|was|has|doesnt|does not)"
    " *3 (out of date|outdated|dated|old|old fashioned|slow|broken|not mobile|unprofessional|improvement"
    "|improving|better|update|updating|refresh|redesign|attention|optimized|optimization|optimizing"
    "|overhaul|makeover|losing|costing|hurting|invisible|behind|errors|issues|problems|mistakes"
    "|underperforming|not converting|not ranking|turning away)",
    f"your {ASSETS} *3 (could use|needs|need) *2 (help|work|love|attention|a refresh)",
    f"{AGENTS} *3 (improve|redesign|revamp|rebuild|update|optimize|optimise|fix|upgrade|boost|grow|scale"
    "|increase|double|triple|10x|rank|transform|skyrocket|automate|monetize|modernize|refresh|redo"
    f"|overhaul) (your|ur) *2 ({ASSETS}|{OUTCOMES}|client base|bottom line|visibility|company|agency)",
    f"{AGENTS} *3 make (it|them|your *2) *3 (more|look) *2 (attractive|modern|professional|appealing"
    "|effective|profitable|visible|engaging|better|beautiful|stunning)",
    "(find|get|land|guarantee|secure) you (a|your|the|that) *2 (job|role|position|offer|interview|placement)",
    f"{MORE} *2 {OUTCOMES} for (you|your *2 (business|company|practice|agency|brand))",
    f"(grow|scale|boost|double|triple|10x|skyrocket) your *2 {OUTCOMES} (with|using|through|by) (my|our)",
    f"(show|teach) you how *3 {GROWING}",
    f"(are you|you're) (looking|struggling|trying|ready) (for|to|with) *3 ({OUTCOMES}|grow|scale)",
    f"(do|would) you (want|like|need) *3 {MORE} *2 {OUTCOMES}",
    "(help|helps|helping) your *2 (business|practice|company|brand|team|agency) (grow|scale|thrive|succeed)",
    "how (i|we|my team|our team) (can|could|might|will) help (your|grow your|scale your) *2"
    " (business|practice|company|brand|revenue|sales|clients|leads|growth|agency)",
    "(offer|offering) you *2 (a|our|my|free|an|exclusive) *3 (service|services|audit|consultation|trial|demo"
    "|package|program|strategy|discount|deal|opportunity|partnership)",
    "(get|make) you (featured|ranked|noticed|seen|visible|published)",
    f"(help|helping|helps|work with|working with|partner with|serve|serving) *2 {OWNERS} like (you|yours)",
    f"{AGENTS} *3 (review|audit|analyze|analyse|assess|protect|save you money on) your *2 {REVIEWED}",
    f"your {ASSETS} *3 (could|would|should|might) *2 (attract|get|bring|generate|convert|win) *2 {MORE}"
    f" *2 {OUTCOMES}",
    # Results counted out to the reader's kind, in any person: "I get coaches 10 new
    # clients a month", "we book 20 appointments a month for dentists", "I help
    # consultants land 30 booked calls".
    f"{DELIVERING} *2 {AUDIENCES} {AT_LEAST} # *3 {RESULTS}",
    f"{DELIVERING} {AT_LEAST} # *3 {RESULTS} *4 (for|to) *2 {AUDIENCES}",
    f"({DELIVERING}|flood|floods|pack|packs) *2 {AUDIENCES} with *2 {RESULTS}",
    f"(help|helps|helping) *3 {AUDIENCES} *3 ({GROWING}|add|adds) {AT_LEAST} # *3 {RESULTS}",
    # Savings promised to the reader.
    "(save|saves|saving) you *3 (#|money|thousands|hundreds|on|up to|big|a fortune)",
    f"(cut|cuts|cutting|reduce|reduces|reducing|lower|lowers|lowering|slash|slashes|slashing|trim|halve)"
    f" your *2 {COSTS}",
    # Problem agitation: the reader's business is losing, leaking, overpaying.
    f"(is|are) your *2 {OPERATIONS} *2 (losing|leaking|bleeding|missing|wasting|overpaying|struggling|stuck"
    "|invisible|underperforming|falling|costing|hurting|dying|outdated|turning away|leaving)",
    f"your *2 {OPERATIONS} (is|s|are|re|has been|have been|keeps|keep) *2 (losing|leaking|bleeding|wasting"
    "|overpaying|costing|hurting|turning away|leaving money|missing out)",
    "(you're|you are|youre|you re|you've been|you have been|youve been|you may be|you might be|you could be"
    "|you're probably|you are probably) *2 (overpaying|paying too much|undercharging|wasting money"
    "|bleeding|leaving money|losing money|losing clients|losing customers|losing patients|losing users"
    "|losing leads|losing sales|losing deals)",
    "(are you|is your *2 (team|business|company|firm|practice)) *2 (tired of|sick of|frustrated with"
    "|still paying|still overpaying|overpaying|losing money|wasting)",
    f"{ORGANISATIONS} like (yours|you) *3 (overpay|overpaying|lose|losing|leave|leaving|waste|wasting|cut"
    "|cutting|save|saving|switch|switching|miss|missing|spend|spending|struggle|struggling|see|seeing"
    "|get|getting|use|using|trust|rely|choose|choosing|grow|growing|double|doubling|increase|increasing)",
    # Side income offered to the reader: "want to earn an extra $2,000 a month?"
    "(want|wanna|like|ready|how) to (earn|make) *2 (an extra|extra|passive|more money|money from home"
    "|side income|a side income)",
    # A guarantee of results to the reader: "I guarantee you will land a job".
    "(i|we|i'll|we'll|i will|we will) *2 (guarantee|guarantees) (you|that you|you'll|you will) *2 (land|get"
    "|find|win|double|triple|make|earn|see|hit|reach|receive|grow|be hired|get hired|rank|save)",
    # A free offer on a deadline: "a free mockup if you reply today".
    "(free|complimentary|bonus) *4 (if|when) you *2 (reply|respond|book|sign up|act|order|buy|join|register"
    "|message|dm|call|say yes|answer) *2 (today|now|tonight|this week|by|before|within)",
    "(reply|respond|book|sign up|act|order|join|register|message me|dm me|call) *2 (today|now|tonight"
    "|this week) *4 (free|complimentary|bonus|discount|off)",
    # Growing the reader's team with the writer's people: "scale your team with our developers".
    f"(scale|grow|expand|augment|extend|staff|boost|build out) your *2 {TEAM} *2 (with|using|through"
    "|by hiring) (our|my|us)",
    f"{AGENTS} *3 (scale|augment|extend|staff|expand) your *2 {TEAM}",
    # A demo to be sold to: "20 minutes for a quick demo", "book a demo".
    "for (a|an) *2 demo",
    "(book|schedule|set up|arrange|offer|give you|show you) *3 demo",
    "demo (call|session|meeting)",
)

#: A sales slogan: the writer sells growth to business owners ("I help coaches get
#: clients", "a marketing system that builds 6 and 7 figure businesses").
SLOGAN = (
    f"(help|helps|helping|helped) [to] *3 {GROWING} *4 {OUTCOMES}",
    f"(help|helps|helping) *3 {BUSINESSES} (grow|scale|thrive|succeed|profit|get|win|attract|double|triple"
    "|increase|boost|fill|book|land|sell)",
    f"(grow|scale|boost|double|triple|10x|skyrocket|explode) your *2 {OUTCOMES}",
    f"(system|program|method|formula|blueprint|framework|process|machine) that *3 {GROWING}",
    f"for {OWNERS} [and {OWNERS}]",
    f"(scale|grow|expand|augment|extend|staff) your *2 {TEAM}",
)

#: A claim of revenue or of clients won, in words (numbers are read by `CLAIM_NUMBERS`).
CLAIM = (
    "(six|seven|eight|multi six|multi seven) (figure|figures)",
    "(in|within|under) # (days|hours)",
    "proven (system|method|results|formula|process|blueprint)",
    "(hundreds|dozens|thousands) of (happy|satisfied)? (clients|coaches|businesses|customers)",
    "(record|massive|explosive|insane) (growth|results|revenue)",
    "(passive income|financial freedom|on autopilot|be your own boss|work from home)",
    "predictable (revenue|pipeline|leads|growth|income|sales)",
    "qualified (leads|appointments|calls|prospects)",
    # Savings and improvements counted: "cutting agency spend by 30%", "can cut churn by 40%".
    "(cut|cuts|cutting|reduce|reduces|reducing|lower|lowers|lowering|slash|slashes|slashing|trim|trims"
    "|save|saves|saving|decrease|decreases|decreasing|increase|increases|increasing|boost|boosts|boosting"
    "|improve|improves|improving|raise|raises|raising|lift|lifts|lifting) *4 (by|up to|as much as) #",
    # Results counted for clients, in the third person: "members average 7 new clients".
    f"(clients|customers|members|students|coaches|users|partners) *3 (average|averages|see|get|land|hit"
    f"|book|add|gain|win|sign) {AT_LEAST} # *3 {RESULTS}",
    # Results counted at a rate: "25 new patients every month", "40 appointments a quarter".
    f"# *3 {RESULTS} (a|per|every|each|in|within) *2 (day|days|week|weeks|month|months|quarter|quarters|year"
    "|years|season)",
)

#: A guarantee: of results, of money back, of a job.
GUARANTEE = (
    "(guarantee|guarantees|guaranteed|guaranteeing)",
    "money back",
    "(risk free|no risk|zero risk)",
    "(100|hundred) percent",
    "or (you|your) *2 (money|pay nothing|dont pay)",
    "(promise|promises) you",
)

#: A call to act now: book a call, message me, click a link, work with me.
CALL_TO_ACTION = (
    "book (a|your|an) *3 (call|demo|meeting|consultation|consult|session|audit|slot|spot)",
    "schedule (a|your|an) *3 (demo|consultation|consult|strategy call|discovery call|sales call"
    "|strategy session|audit)",
    "(free|complimentary|no obligation) (consultation|consult|audit|strategy session|strategy call"
    "|discovery call|trial|demo|website audit|seo audit|analysis|assessment|quote|estimate|masterclass"
    "|webinar|training|ebook)",
    "(dm|pm|inbox) me",
    "send me a (dm|pm)",
    "(click|tap) *2 link",
    "link (in|on) my (bio|profile)",
    "(visit|check out) (my|our) (website|site|offer|program|calendly|link)",
    "calendly",
    "grab (a|your) *2 (spot|seat|slot|copy)",
    "reply (yes|interested|with)",
    "(work|partner) with (me|us)",
    "hire (me|us) (to|and)",
    "sign up (now|today|here|below)",
    "(learn|find out) more at",
    "(interested|open) (in|to) *3 (growing|scaling|getting more|more clients|more leads|a free)",
    "let me know if (you're|you are|you'd|you would|youre) (interested|open|keen|up for it)",
    "(discuss|explore|see) how (we|i) (can|could|might) (work together|partner|collaborate|help you)",
    "(quick|short|free|live|personalized|personalised|product|#|minute|min) demo",
)

#: Pressure of scarcity or of a deadline.
SCARCITY = (
    "only # *2 (spots|slots|places|seats|openings|spaces|clients) *2 (left|remaining|available|open)",
    "only # (spots|slots|seats|places|spaces)",
    "(limited|few) *2 (spots|slots|seats|availability|places|spaces)",
    "(limited time|for a limited time|this week only|today only|tonight only)",
    "(spots|slots|seats) *2 (filling|going) *2 (fast|quickly|up)",
    "(act|sign up|book|join|apply|enroll|enrol|reply|respond|claim|order|buy|register|lock in) (now|today"
    "|fast|tonight)",
    "(book|schedule|grab|claim|reserve) *4 (today|now|tonight)",
    "if you (reply|respond|answer|book|sign up|act|order|buy|join|register|message|dm|call|enroll) *2"
    " (today|now|tonight|this week|by|before|within)",
    "offer (ends|expires|closes)",
    "(first|next) # (people|clients|coaches|signups|sign ups|businesses|customers|respondents)",
    "dont miss (out|this|your chance)",
    "last chance",
    "(before|until) *2 (its gone|too late|sold out|spots run out)",
    "closing (soon|tonight|tomorrow)",
    "(doors|enrollment|registration) (close|closes|closing)",
    "while (spots|supplies|seats) last",
    "(spots|seats|slots) left",
)

#: Services that are sold by pitching: SEO, ads, lead generation, web design, funnels.
SERVICE = (
    "(seo|search engine optimization|search engine optimisation)",
    "(lead generation|lead gen|leadgen)",
    "(facebook|fb|google|instagram|linkedin|paid|meta|ppc|tiktok|youtube|social)"
    " (ads|ad campaigns|advertising)",
    "(ppc|pay per click)",
    "ad (campaign|campaigns|spend|management)",
    "(web|website|site) (design|redesign|development|makeover|revamp|overhaul|audit)",
    "(redesign|redesigns|redesigning)",
    "landing (page|pages)",
    "(sales|marketing) (funnel|funnels)",
    "(marketing|sales|lead|client acquisition|client attraction|growth) (system|machine|engine|blueprint"
    "|program|framework|formula)",
    "appointment setting",
    "done for you",
    "white label",
    "backlinks",
    "social media (management|marketing|growth)",
    "digital marketing (agency|services|solutions)",
    "(marketing|seo|web|design|growth|advertising) agency",
    "growth hacking",
    "cold (email|emailing|outreach|calling)",
    "(client|customer) acquisition",
    "high ticket",
    "linkedin (growth|automation|lead generation|outreach)",
    "(business|investment|partnership|income|financial|franchise) (proposal|opportunity|opportunities)",
    "(crypto|forex|bitcoin|trading) (signals|investment|investments|opportunity|platform|profits)",
    "(our|my) *2 (services|agency|software|platform|tool|product|offer|solution|app)",
)

#: A price quoted for a service: "developers at $18/hour", "send you our rate card"
#: (amounts with a unit are read by `PRICE_NUMBERS`).
PRICE = (
    "rate (card|cards|sheet|sheets)",
    "(our|my) (pricing|price list|price sheet|rate card|rate sheet|packages|package prices)",
    "(send|share|email|quote|give) you *3 (pricing|prices|our rates|my rates|a quote|a price|rate card"
    "|price list|a proposal|an estimate)",
    "(hourly|monthly|daily) (rate|rates|retainer) (of|from|starting)",
)

#: A push for a call or a demo to be sold to ("15 minutes this week", "can I show you
#: how", "let's schedule a call"). A genuine note proposes a call as well, so it
#: counts only after an offer, a price, or two other signs of a pitch.
MEETING = (
    "(#|a few|few|fifteen|ten|twenty|thirty) (minutes|minute|min|mins) *4 (call|chat|zoom|meeting|demo"
    "|conversation|walkthrough)",
    "(do you have|have you got|got|spare|find) *2 (#|a few|fifteen|ten|twenty) (minutes|minute|min|mins)",
    "(quick|short|brief|fast|intro|discovery) (call|chat|zoom|meeting|walkthrough)",
    "(let's|lets|can we|could we|shall we|we should|happy to|love to|like to|want to) *2 (schedule|set up"
    "|setup|hop on|jump on|get on|book|arrange) *3 (call|chat|zoom|meeting|demo)",
    "(can|could|may|let) (i|me|we|us) (show|walk) you",
    "(worth|open to|up for|time for|free for) (a|an) *2 (chat|call|conversation|zoom|meeting)",
    "see if (you're|you are|youre|we're|we are|it's|its|it is|there's|there is) *2 (fit|match)",
    "(hop|jump) on (a|an) *2 (call|zoom)",
)

#: A service or product advertised to clients, in a note or a headline, where a
#: person would describe themselves: "ask me about my products", "free portfolio
#: review", "I do IT support if you ever need it", "let's explore synergies".
ADVERT = (
    "(ask|message|contact|dm|pm|email|text|call) me (about|for) *3 (products|product|services|service"
    "|business|opportunity|offer|program|packages|pricing|rates|quote|samples|sample|catalog|discount|deal"
    "|info|details)",
    f"free {FREEBIES}",
    "(i|we|my team|our team) (do|provide|offer|handle|run|sell|build|design|fix|install|manage|write) *5"
    " (if|whenever|should|in case) you *2 [ever|do] (need|want|are looking|re looking|require)",
    "synergies",
    "(synergy) (between|with)",
    "(do|achieve|accomplish|build|create|make) *3 (things|something|magic|wonders) *2 together",
    "(mutually beneficial|win win)",
    "(potential|possible|strategic) (synergies|partnership|partnerships|alliance|business relationship"
    "|collaboration opportunities|joint venture)",
    "(explore|discuss) *3 (business|partnership|collaboration|joint venture|jv) (opportunities|opportunity)",
    "(business|revenue|sales|client|profit|practice) growth (consultant|coach|strategist|expert|specialist"
    "|partner|advisor|hacker|mentor)",
    "growth (hacker|hacking)",
)

#: A headline that lists the services sold and to whom, in place of who the person
#: is: "helping coaches get seen online", "web design for dentists", "we build MVPs
#: for startups", "resume writing services". Read in the headline only: in a note the
#: same words introduce the writer.
SERVICE_HEADLINE = (
    f"(help|helps|helping) *2 {BUSINESSES} *2 (get|be|stand|grow|scale|win|land|attract|book|fill|sell"
    "|reach|find|rank|launch|boost|increase|build|make|thrive|succeed|profit|go|look|shine|automate|hire"
    "|save|cut|reduce|streamline|modernize|modernise|double|triple|10x)",
    f"{SOLD_WORK} for *2 {BUSINESSES}",
    "(we|i|my team|our team) (build|builds|design|designs|create|creates|make|makes|develop|develops|write"
    "|writes|run|runs|manage|manages|provide|provides|offer|offers|deliver|delivers|do|does|sell|sells|fix"
    f"|fixes|install|installs|handle|handles|grow|grows|scale|scales) *4 for *2 {BUSINESSES}",
    "(writing|web design|seo|staffing|cleaning|bookkeeping|editing|copywriting|placement|merchant|printing"
    "|moving|repair|photography|videography) (services|packages|solutions)",
    "(nurse|nursing|staff|travel nurse|travel|healthcare|executive|permanent|temp|contract|direct hire"
    "|candidate|it|tech) (placements|staffing solutions)",
)

#: The writer's own situation: looking for work, asking for advice, or serving
#: people through a nonprofit or as a volunteer. It discounts the weaker categories
#: (a marketer in job search may well mention SEO and ads) and the advertising ones.
SEEKING = (
    "(looking|searching|hunting) for (a|my|the|new|next|an) *2 (role|position|job|opportunity|opportunities"
    "|career|employment|opening|openings)",
    "(job search|job searching|job seeker|job hunt|job hunting|in transition|between jobs|laid off"
    "|career change|career pivot|changing careers|informational interview)",
    "(open|available) (to|for) *2 (work|roles|opportunities|role|positions|opportunity)",
    "(seeking|pursuing) *3 (role|roles|position|positions|job|opportunity|opportunities|employment)",
    "(your|any|some) (advice|guidance|insight|insights|perspective|feedback)",
    "advice (on|about|for)",
    "(ask|seek|get) *2 (advice|guidance)",
    "open to work",
    "(i|we) [also|still|regularly|currently|often] (volunteer|volunteered)",
    "(i'm|we're|i am|we are|i've been|we've been|i have been|we have been) [also|a|currently]"
    " (volunteer|volunteering|volunteers|pro bono)",
    "(my|our) (volunteer|volunteering|pro bono) (work|role|program|group)",
    "(our|my|a|an|the) *2 (nonprofit|non profit|not for profit|charity|free clinic|volunteer program)",
)

# -- claims with numbers, read in the light view (relpolicy.text.normalize) ----------

_NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|multi)"
_PERIOD = "(?:month|mo|week|wk|year|yr|day|quarter)"
_NEXT_NUMBER = rf"(?:[ -]?(?:and|or|to|-|/)[ -]?(?:\d{{1,2}}|{_NUMBER_WORD}))?[ -]?figures?\b"

#: What follows the currency sign of a claim of revenue at a rate: "$50k/month".
_CLAIM_AFTER_CURRENCY = (
    rf" ?\d[\d,.]{{0,12}} ?(?:k|m|mm|million|thousand|grand)?\+?"
    rf" ?(?:/ ?|per |a |an |every |each ){_PERIOD}s?\b"
)
#: What may follow the first digit of a claim that no letter or digit comes before.
_CLAIM_AFTER_DIGIT = (
    rf"\d?{_NEXT_NUMBER}",
    rf"[\d,.]{{0,12}} ?(?:k|m) ?(?:/ ?|per |a ){_PERIOD}s?\b",
    r"[\d,.]{0,12} ?(?:k|m) (?:months|years)\b",
    r"\d{0,5}\+? (?:new |more |extra |qualified |high[- ]ticket |booked |paying )?"
    r"(?:clients|customers|leads|appointments|sales calls|bookings|patients|sign ?ups)\b",
    r"\d{0,5}\+? booked (?:calls|meetings|demos)\b",
    r"\d?(?:[.,]\d{1,2})? ?%(?: | in )(?:on|more|less|lower|fewer|cheaper|faster|higher|savings?"
    r"|increase|reduction|off|discount|growth|roi|roas|revenue|sales|leads|conversions|bookings)\b",
    r"\d{0,3} ?x (?:your|their|the|my)\b",
    r"(?<=1)00 ?%",
)

#: Revenue and client-count claims: "6 and 7 figure", "$50k/month", "10 new clients".
#: Every claim starts with a currency sign or a digit. The pattern takes that character
#: first and then looks behind to tell which it was: starting with one character class
#: lets the engine skip from sign to digit, where an alternation of branches would be
#: tried at every character. It finds what ``[$£€]AFTER_CURRENCY|\d(?<![\w.$]\d)(?:AFTER_DIGIT)``
#: finds (a property test checks). Each quantifier is bounded or over a class that the
#: next item cannot match.
CLAIM_NUMBERS = re.compile(
    rf"[$£€\d](?:(?<=[$£€]){_CLAIM_AFTER_CURRENCY}|(?<=\d)(?<![\w.$]\d)(?:{'|'.join(_CLAIM_AFTER_DIGIT)}))"
)
#: Prices with a unit, read in the light view: "$18/hour", "45 USD per hour", "only $297".
PRICE_NUMBERS = re.compile(
    r"[$£€] ?\d[\d,.]{0,9} ?(?:k|usd|eur|gbp)? ?(?:/ ?|per |an? |each )"
    r"(?:hour|hr|h|day|project|page|post|video|seat|user|head|lead|appointment|session|article|word"
    r"|developer|dev|engineer|hire|placement)s?\b"
    r"|\d(?<![\w.$]\d)[\d,.]{0,9} ?(?:usd|dollars|bucks|eur|euros) ?(?:/ ?|per |an? |each )"
    r"(?:hour|hr|h|day|project|page|post|seat|user|lead|appointment|session)s?\b"
    r"|\b(?:only|just|starting at|starts at|starting from|for only|for just|at just|at only) [$£€] ?\d"
)
#: The same claims in words ("six and seven figure"), read only when "figure" occurs.
CLAIM_FIGURE_WORDS = re.compile(rf"\b{_NUMBER_WORD}{_NEXT_NUMBER}")
