"""The kinds of wording a pitch is made of, as phrase templates (see `relpolicy.text.phrase_pattern`).

Each category names one move of a sales pitch, written as patterns over a few word
lists rather than as remembered sentences. What makes a pitch is the *direction*: an
offer aimed at the reader's business ("I can get *you* more clients", "*your* website
is out of date") is a pitch; the same words about the writer's own situation ("my
website", "our clients", "I'm looking for a role in SEO") are not, which is why only
`OFFER` counts on its own and the other categories need each other.
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
    "|underperforming|not converting|not ranking)",
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
)

#: A sales slogan: the writer sells growth to business owners ("I help coaches get
#: clients", "a marketing system that builds 6 and 7 figure businesses").
SLOGAN = (
    f"(help|helps|helping|helped) [to] *3 {GROWING} *4 {OUTCOMES}",
    f"(help|helps|helping) *3 {OWNERS} (grow|scale|thrive|succeed|profit)",
    f"(grow|scale|boost|double|triple|10x|skyrocket|explode) your *2 {OUTCOMES}",
    f"(system|program|method|formula|blueprint|framework|process|machine) that *3 {GROWING}",
    f"for {OWNERS} [and {OWNERS}]",
)

#: A claim of revenue or of clients won, in words (numbers are read by `CLAIM_NUMBERS`).
CLAIM = (
    "(six|seven|eight|multi six|multi seven) (figure|figures)",
    "(in|within|under) # days",
    "proven (system|method|results|formula|process|blueprint)",
    "(hundreds|dozens|thousands) of (happy|satisfied)? (clients|coaches|businesses|customers)",
    "(record|massive|explosive|insane) (growth|results|revenue)",
    "(passive income|financial freedom|on autopilot|be your own boss|work from home)",
    "predictable (revenue|pipeline|leads|growth|income|sales)",
    "qualified (leads|appointments|calls|prospects)",
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
)

#: Pressure of scarcity or of a deadline.
SCARCITY = (
    "only # *2 (spots|slots|places|seats|openings|spaces|clients) *2 (left|remaining|available|open)",
    "only # (spots|slots|seats|places|spaces)",
    "(limited|few) *2 (spots|slots|seats|availability|places|spaces)",
    "(limited time|for a limited time|this week only|today only|tonight only)",
    "(spots|slots|seats) *2 (filling|going) *2 (fast|quickly|up)",
    "(act|sign up|book|join|apply|enroll|enrol) (now|today|fast)",
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
    "(our|my) (services|agency|software|platform|tool|product|offer)",
)

#: The writer's own situation: looking for work, or asking for advice. It discounts
#: the weaker categories (a marketer in job search may well mention SEO and ads).
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
)

# -- claims with numbers, read in the light view (relpolicy.text.normalize) ----------

_NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|multi)"
_PERIOD = "(?:month|mo|week|wk|year|yr|day|quarter)"
_NEXT_NUMBER = rf"(?:[ -]?(?:and|or|to|-|/)[ -]?(?:\d{{1,2}}|{_NUMBER_WORD}))?[ -]?figures?\b"
#: Revenue and client-count claims: "6 and 7 figure", "$50k/month", "10 new clients".
#: Every branch starts with a digit or a currency sign, which the engine scans for
#: fast; the check that no letter or digit comes before is made after the first one.
#: Each quantifier is bounded or over a class that the next item cannot match.
CLAIM_NUMBERS = re.compile(
    rf"[$£€] ?\d[\d,.]{{0,12}} ?(?:k|m|mm|million|thousand|grand)?\+?"
    rf" ?(?:/ ?|per |a |an |every |each ){_PERIOD}s?\b"
    r"|\d(?<![\w.$]\d)(?:"
    + "|".join(
        (
            rf"\d?{_NEXT_NUMBER}",
            rf"[\d,.]{{0,12}} ?(?:k|m) ?(?:/ ?|per |a ){_PERIOD}s?\b",
            r"[\d,.]{0,12} ?(?:k|m) (?:months|years)\b",
            r"\d{0,5}\+? (?:new |more |extra |qualified |high[- ]ticket |booked |paying )?"
            r"(?:clients|customers|leads|appointments|sales calls|bookings|patients|sign ?ups)\b",
            r"\d{0,3} ?x (?:your|their|the|my)\b",
            r"(?<=1)00 ?%",
        )
    )
    + ")"
)
#: The same claims in words ("six and seven figure"), read only when "figure" occurs.
CLAIM_FIGURE_WORDS = re.compile(rf"\b{_NUMBER_WORD}{_NEXT_NUMBER}")
