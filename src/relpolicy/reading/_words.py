"""The word classes a note is read with: who acts, what is offered, to whom, and why.

Each class is a set of words as `relpolicy.text.skeleton` spells them (lower case,
apostrophes dropped: ``im``, ``youre``), or of phrases of several such words. The
moves of `relpolicy.reading` are frames over these classes ("someone of *us* offers
*you* a *service*"), never remembered sentences, so that a pitch or a reason written
in words no example used is still read. The classes are written from how people
write, for any trade; none is a list of the words of particular examples.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The words and phrases of *text*, separated by commas (a phrase may run on to the next line)."""
    return frozenset(" ".join(part.split()) for part in text.split(",") if part.strip())


# -- who speaks, and to whom ---------------------------------------------------------

#: The writer, alone.
SELF = _words("i, im, ive, id, ill, me, my, mine, myself, i am, i have, i will, i would")
#: The writer's firm: "we", "our team".
US = _words("we, weve, wed, our, ours, us, ourselves, we are, we have, we will, we would, were offering")
#: The reader.
YOU = _words("you, youre, youve, youd, youll, your, yours, yourself, u, ur, ya, you are, you have")

#: What a reader runs, which a pitch offers to improve.
READER_BUSINESS = _words(
    """
    business, businesses, practice, practices, firm, company, companies, clinic, office, shop, store,
    bakery, cafe, restaurant, agency, brand, department, hospital, organisation, organization, org,
    listing, listings, brokerage, pipeline, book of business, career, inbox, calendar, profile,
    linkedin, classroom, district, unit, facility, warehouse, fleet, portfolio, team, teams
    """
)
#: Plural markets a vendor sells to: "coaches", "law firms", "3PLs".
AUDIENCE = _words(
    """
    coaches, consultants, founders, entrepreneurs, owners, business owners, agents, realtors, brokers,
    dentists, doctors, physicians, lawyers, attorneys, firms, law firms, practices, clinics, hospitals,
    companies, businesses, brands, agencies, startups, teams, leaders, executives, execs, professionals,
    managers, nurses, teachers, educators, schools, districts, recruiters, shippers, carriers, 3pls,
    restaurants, bakeries, shops, retailers, stores, clients, customers, people, women, moms, students,
    job seekers, seekers, marketers, engineers, developers, ctos, cpas, accountants, advisors, advisers,
    therapists, chiropractors, contractors, plumbers, creators, authors, speakers, nonprofits,
    non profits, charities, departments, facilities, providers, pharmacies, sellers, landlords,
    investors, smbs, smes, solopreneurs, freelancers, designers, labs, researchers, professors,
    organisations, organizations, cafes, salons, gyms, franchises, operators, directors, hr leaders,
    hiring managers, candidates, graduates, analysts, builders, homeowners, buyers
    """
)

# -- what a pitch is made of ---------------------------------------------------------

#: What a pitch promises more of.
OUTCOME = _words(
    """
    clients, customers, leads, revenue, revenues, sales, profit, profits, income, patients,
    appointments, bookings, booked calls, calls booked, meetings booked, deals, roi, traffic, followers,
    conversions, signups, sign ups, subscribers, referrals, reviews, rankings, ranking, visibility,
    collections, margins, margin, cash flow, cashflow, money, results, interviews, job offers, offers,
    hires, placements, buyers, members, donors, donations, funding, retention, turnover, savings,
    growth, engagement, impressions, visitors, enrolments, enrollments, listings, closings, billings,
    commissions, returns, yield, figures, figure, pipeline, demos, booked demos, sales meetings,
    calendar, calendars, consults, consultations, cases, signed cases, signed clients, new patients,
    qualified calls, qualified meetings, booked meetings, accounts, wholesale accounts
    """
)
#: Verbs of making more.
GROW = _words(
    """
    grow, grows, growing, grew, scale, scales, scaling, boost, boosts, boosting, increase, increases,
    increasing, increased, double, doubles, doubled, doubling, triple, tripled, tripling, 10x, 2x, 3x,
    5x, generate, generates, generating, generated, attract, attracts, attracting, fill, fills, filling,
    land, lands, landing, win, wins, winning, drive, drives, driving, skyrocket, multiply, maximize,
    maximise, maximizing, maximising, explode, add, adds, adding, added, unlock, unlocks, accelerate,
    accelerates, level up, uplevel, supercharge, 10 x, capture, convert, book more
    """
)
#: Verbs of spending less.
SAVE = _words(
    """
    save, saves, saving, saved, cut, cuts, cutting, reduce, reduces, reducing, reduced, lower, lowers,
    lowering, slash, slashes, slashing, eliminate, eliminates, recover, recovers, recovering, recovered,
    recovery, economise, economize, trim, trims, avoid paying, stop paying, give your team back,
    give you back, get back, gets back, give back, freed up, free up, frees up, cut down, bring down,
    brought down, brings down
    """
)
#: What a pitch offers to save on.
COST = _words(
    """
    cost, costs, overhead, expenses, expense, fees, fee, taxes, tax, spend, spending, bill, bills,
    premiums, premium, payroll, hours, time, headcount, salaries, rates, processing fees, chargebacks
    """
)
#: Verbs by which a writer offers to do something for the reader.
OFFER = _words(
    """
    help, helps, helping, offer, offers, offering, provide, provides, providing, deliver, delivers,
    write, writes, writing,
    delivering, build, builds, building, design, designs, designing, create, creates, creating, handle,
    handles, handling, manage, manages, managing, set up, sets up, install, installs, fix, fixes,
    redesign, redesigns, rebuild, rebuilds, optimize, optimise, optimizes, optimises, automate,
    automates, automating, take care of, takes care of, supply, supplies, partner with, partners with,
    work with, works with, specialize in, specialise in, specializing in, specialising in, serve,
    serves, serving, support, supports, show you, walk you through, get you, gets you, connect you,
    put you, give you, take you, guide, guides, coach, coaches, transform, transforms, recruit for you,
    outsource, done for you, done with you, take over, run your, manage your, handle your
    """
)
#: What is sold: services, products, programmes, financial products.
SERVICE = _words(
    """
    website, websites, web design, site, sites, seo, marketing, ads, advertising, ppc, funnel, funnels,
    landing page, landing pages, branding, logo, logos, content, copywriting, copy, ghostwriting, posts,
    outreach, lead generation, lead gen, leadgen, appointment setting, software, platform, platforms,
    tool, tools, app, apps, solution, solutions, system, systems, program, programs, programme,
    programmes, course, courses, challenge, masterclass, bootcamp, coaching, consulting, consultancy,
    services, package, packages, plan,
    plans, policy, policies, coverage, insurance, audit, audits, assessment, demo, demos, trial,
    free trial, automation, automations, chatbot, chatbots, ai agents, crm, bookkeeping, payroll,
    payment processing, processing, merchant services, billing, medical billing, outsourcing, offshore,
    nearshore, developers, devs, assistants, virtual assistants, va, vas, staffing, mastermind,
    masterclass, bootcamp, membership, accelerator, kit, kits, box, boxes, product, products,
    subscription, subscriptions, portal, solar, panels, led, retrofit, financing, loan, loans, mortgage,
    mortgages, refinance, refinancing, investment, investments, fund, funds, token, tokens, presale,
    crypto, bitcoin, forex, trading, signals, annuity, annuities, 401k, wealth management,
    estate planning, playbook, templates, ebook, e book, feature, profile package, sponsorship,
    listing package, strategy session, discovery session, implementation, integration, integrations,
    dashboard, analytics, api, saas, license, licence, licenses, credits, leads list, database,
    recruiting services, placement, placements, resume writing, resume service, cv writing,
    career coaching, headshots, photography, video production, videos, reels, podcast production,
    translation, cleaning, janitorial, supplies, equipment, uniforms, signage, printing, merch,
    shipping, freight, logistics services, factoring, capital, line of credit, merchant cash advance,
    review, reviews, estimate, estimates, quote, quotes, analysis, consultation, pre approval,
    preapproval, report, reports, checklist, mockup, mock up, projection, comparison, sample, samples,
    evaluation, benchmark, module, modules, wearable, monitor, campaign, sponsored, contribution,
    production contribution, promo package, media kit, guest package, guest sponsorship,
    featured experts, promotion, pilot, pilots, leads, exclusive leads, referrals program, partner rate,
    partner program, agent, agents, ai agent, bot, widget, plugin, extension, hardware, device, devices,
    machine, machines, owners program, reactivation system, management software, workflow, workflows,
    builds, free builds
    """
)
#: Words of money and of price.
PRICE = _words(
    """
    per month, a month, monthly, per hour, an hour, hourly, per year, a year, annually, per session,
    per user, per seat, per post, flat fee, flat rate, only, just, starting at, from only, price,
    pricing, prices, rate, rates, discount, discounted, off, percent off, fee, fees, cost, costs,
    investment, dollars, bucks, usd, eur, gbp, per, mo, hr, yr, partner rate, special rate,
    preferred pricing, special pricing, promo code, coupon, at cost, first month free, free month,
    no setup fee, setup fee, pay per, pay per appointment, pay per lead, pay per signed, no contracts,
    no contract, fixed monthly fee, monthly fee, retainer, affordable price, very affordable,
    affordable, cheap, cheapest, competitive price, competitive rates, best price, best rates, quote
    """
)
#: Verbs that open a call to action.
CALL_TO_ACTION = _words(
    """
    book, grab, schedule, click, reply, respond, dm, message, text, visit, check out, sign up, signup,
    register, join, download, claim, watch, comment, tap, apply, learn more, get started, try, start,
    request, hit reply, drop, send me, shoot me, pick, reserve, secure, lock in, snag, enroll, enrol,
    subscribe, follow, ask me how, ask me about, message me, dm me, reach out to learn, link in bio,
    link below, work with me, work with us, hire me, hire us, partner with us, team up with us,
    let me help you, let us help you
    """
)
#: Terms of a sale, without a figure.
DEAL = _words(
    """
    partner rate, special rate, preferred pricing, special pricing, promo code, coupon, at cost,
    first month free, free month, free for the first, no setup fee, setup fee, pay per,
    pay per appointment, pay per lead, pay per signed, pay per click, no contracts, no contract,
    no long term contract, fixed monthly fee, monthly fee, retainer, affordable price, very affordable,
    affordable, cheap, cheapest, competitive price, competitive rates, best price, best rates,
    free quote, free trial, trial period, money back, discount, discounted, percent off, limited offer
    """
)
#: A writer who denies selling: often the opening of a pitch.
DENIAL = _words(
    """
    not selling, not selling anything, not a sales, not a pitch, not pitching, no pitch, no sales pitch,
    not here to sell, not here to pitch, nothing to sell, not sales, promise its not, this isnt a pitch
    """
)
#: Short questions that ask for a yes to an offer: "Interested?", "Want in?".
ASK = _words(
    """
    interested, are you interested, would you be interested, want in, want the link, want the details,
    want me to send, mind if i send, can i send, may i send, shall i send, should i send, happy to send,
    glad to send, ill send, send over, open to hearing more, open to learning more, open to a quick,
    curious if, curious whether, worth exploring, worth a look, yes or no, yay or nay,
    let me know if youre interested, let me know if you are interested, if youre interested,
    if you are interested, let me know, kindly revert, revert back, looking forward to your reply,
    can i tell you more, tell you more, learn more, more info, more information, see if its a fit,
    see if it fits, see if were a fit, explore a fit, talk fit, a good fit
    """
)
#: A call or a demo, the meeting a pitch pushes for.
MEETING = _words(
    """
    call, calls, chat, zoom, meeting, demo, demos, walkthrough, walk through, consultation, consult,
    discovery call, strategy call, intro call, introductory call, quick call, short call, 15 minutes,
    15 minute, 15 min, 20 minutes, 20 minute, 10 minutes, 10 min, 30 minutes, 30 min, half hour,
    conversation, coffee chat, virtual coffee, call of 20 minutes, coffee, a coffee, grab coffee, lunch,
    video call, phone call, 15 mins, 20 min, 20 mins, 2 min video, short video, quick video, loom,
    quick chat, brief chat, worth a chat, worth a call, worth a quick, compare notes, swap notes,
    walk you through, show you how, show you, send you a demo, send a demo, demo video, talk,
    time to talk, catch up, hop on
    """
)
#: Words that press for a quick decision.
SCARCITY = _words(
    """
    spots left, spots remaining, seats left, seats remaining, slots left, places left, few spots,
    few seats, few slots, last spots, last few spots, limited spots, limited seats, limited places,
    limited time, limited availability, limited offer, last chance, closes soon, closing soon,
    closes friday, closes tonight, closes today, doors close, doors open, doors closing,
    enrolment closes, enrollment closes, registration closes, offer ends, offer expires, ends friday,
    ends tonight, ends soon, expires soon, hurry, today only, this week only, early bird, early access,
    founding member, founding members, founders price, launch price, waitlist, wait list, filling fast,
    filling up, selling fast, first come, first served, hand picking, handpicking, hand picked,
    handpicked, only taking, only accepting, only opening, taking on only, before its gone,
    while it lasts, price goes up, last call, dont miss, save you a spot, save your spot,
    reserve your spot, claim your spot, grab your spot, secure your spot, hold you a spot,
    before it fills up, before they fill up, fills up fast, fill up fast, fills up quickly,
    books up fast, books up quickly, book up fast, save you a seat, save your seat, reserve your seat,
    claim your seat, hold you a seat, cohort opens, cohort starts, cohort kicks off, enrollment opens,
    enrolment opens, registration opens
    """
)
#: Promises of results or of no risk.
GUARANTEE = _words(
    """
    guarantee, guaranteed, guarantees, guaranteeing, promise, promises, risk free, riskfree, no risk,
    money back, refund, you dont pay, or you dont pay, no cure no pay, pay nothing, no upfront cost,
    no upfront fee, no obligation, zero risk, results or, or your money back, or its free
    """
)
#: Money made on the side: business opportunities, commissions, investments.
OPPORTUNITY = _words(
    """
    business opportunity, income opportunity, investment opportunity, ground floor opportunity,
    side hustle, side income, side business, passive income, residual income, extra income,
    additional income, financial freedom, time freedom, be your own boss, own boss, from home,
    work from home, earn, earns, earning, earnings, commission, commissions, affiliate, affiliates,
    referral fee, referral fees, referral bonus, finders fee, finder fee, revenue share, rev share,
    profit share, payout, payouts, we pay, pay you, get paid, paid per, partner link, partner program,
    partner programme, ambassador, ambassadors, returns, roi, yield, apy, profits, portfolio, invest,
    investing, investment, investors, presale, ground floor, wealth, residuals, downline, team building,
    income stream, income streams, make money, extra cash, side cash, on the side, that pays,
    side project that pays, pays well, extra to the family budget, family budget, familys budget,
    family finances, familys finances, household budget, household income, replaced my salary,
    replaced my teaching salary, replace your salary, replace my income, quit my job, join my team,
    growing my team, looking for leaders, a few leaders, extra money, bring in extra, little extra,
    way out, recurring commission, per signup, per referral, per closing, per move, per client you send,
    for every client, for every referral, for every account, bonus allocation, allocation, staking,
    airdrop, mint, build something on the side, ambitious people, expanding my team, earn while,
    home based business, home business, digital currency, digital currencies, digital asset,
    digital assets, asset fund, private fund, alternative assets, trade on the side,
    referral partnership, referral program, partnership program, affiliate program, income while,
    replace their salary, replace your income
    """
)
#: Words that find fault with what the reader has.
AGITATION = _words(
    """
    outdated, out of date, dated, clunky, invisible, buried, leaking, missing out, costing you,
    leaving money, money on the table, overpaying, overpay, overpaid, underpaid, underpaying, wasting,
    not ranking, doesnt rank, dont rank, hard to find, nobody finds, no one finds, ugly, embarrassing,
    falling behind, left behind, bleeding, losing money, overspend, overspending, overspends,
    underinsured, under insured, dont need to, on the table, not mobile friendly, leaving revenue,
    underperforming, under performing, too late, too much, drowning, chasing, wasted
    """
)
#: Words of fault that need the asset they fault: "your profile is missing".
FAULT = _words(
    """
    missing, slow, slowly, turning away, turns away, turn away, scaring away, scares away,
    driving away, drives away, broken, behind, lose, loses, losing, lost, gaps, holes, issues,
    problems, mistakes,
    errors, stuck, tired, old, weak, poor, costing, struggling, hurting, killing, first page, page one
    """
)
#: The assets of the reader a pitch finds fault with.
ASSET = _words(
    """
    website, site, web site, seo, profile, linkedin, linkedin profile, brand, branding, marketing, ads,
    listing, listings, reviews, google, google profile, presence, online presence, funnel, logo,
    content, posts, social media, instagram, facebook, page, headline, resume, cv, billing, claims,
    books, taxes, payroll, rates, coverage, policy, plan, retirement plan, 401k, portfolio, cash flow
    """
)
#: A prize or a feature that is sold: "you have been nominated".
AWARD = _words(
    """
    nominated, nomination, nominee, shortlisted, short listed, selected, chosen, finalist, finalists,
    honoree, honorees, award, awards, awarded, featured, feature, spotlight, top 40, top 50, top 100,
    top 10, top 20, list, magazine, edition, issue, recognition, recognized, recognised, hall of fame,
    best of, winner, winners, guest, guests, episode, listeners, podcast, featured experts,
    feature editor, get featured
    """
)
#: Launching a product.
LAUNCH = _words(
    """
    launch, launching, launched, introducing, introduce our, release, releasing, released, beta,
    early access, waitlist, wait list, redefine, redefines, revolutionize, revolutionise,
    revolutionizes, transform how, disrupt, disrupting, reimagine, reimagines, game changer,
    game changing, next generation, next gen, cutting edge, all in one, world first, worlds first,
    industry first, category defining
    """
)

# -- what a reason is made of ---------------------------------------------------------

#: Meeting in person, or talking before.
MET = _words(
    """
    met, meet, meeting you, meeting, seeing you, saw you, see you, talking, talked, chatting, chatted,
    speaking, spoke, ran into, bumped into, sat next to, sat with, shared a table, worked with,
    connected at, introduced ourselves, crossed paths, said hi, say hi, shook hands, shared a,
    we shared, we were roommates, roommates, we were both, we both, we used to, we studied, we played,
    we took, we went, we sat, we did, used to work, were in the same
    """
)
#: Where people meet.
EVENT = _words(
    """
    conference, summit, meetup, meet up, event, expo, fair, job fair, career fair, workshop, webinar,
    panel, session, booth, breakfast, lunch, luncheon, dinner, gala, mixer, happy hour, reunion,
    convention, show, trade show, tradeshow, seminar, training, class, course, bootcamp, retreat, game,
    tournament, outing, fundraiser, ceremony, orientation, roundtable, round table, forum, symposium,
    hackathon, open house, networking, chamber, rotary, church, service, party, wedding, meeting,
    clinic, drive, race, run, walk, festival, market, showcase, night, day, camp, cup, league
    """
)
#: What the reader made, said or wrote.
THEIR_WORK = _words(
    """
    talk, talks, post, posts, article, articles, book, books, podcast, episode, interview, keynote,
    presentation, presentations, session, webinar, panel, paper, papers, research, study, studies,
    thread, comment, comments, answer, answers, letter, blog, newsletter, video, videos, column, op ed,
    essay, lecture, speech, portfolio, project, projects, work, piece, guide, case study, report,
    slides, deck, tweet, tweets, write up, writeup, writing, chapter, course, class, workshop, lab,
    publication, publications, poster, thesis, dissertation, grant, story, stories, photos, library,
    repo, talk at, quote
    """
)
#: Taking in what the reader made.
TOOK_IN = _words(
    """
    read, reading, saw, seen, heard, hearing, watched, watching, listened, listening, enjoyed, loved,
    liked, appreciated, caught, attended, found, came across, followed, following, admired, admire,
    resonated, learned, learnt, noticed, stumbled on, discovered, bookmarked, shared, devoured, binged,
    reread, re read, sat in on, been using, using your, use your, used your, tried your
    """
)
#: Passing on a name.
REFERRED = _words(
    """
    suggested, recommended, mentioned, said, told, pointed, introduced, referred, sent, passed, gave,
    thought, encouraged, insisted, asked me, put me, connected us, vouched, raved, speaks highly,
    spoke highly, cc d, looped, tells me, told me, name came up, your name came up,
    came up more than once, your name, pointed me to you, pointed me your way, sent me your way,
    gave me your name, put me onto, put me on to
    """
)
#: People who pass on a name.
KIN = _words(
    """
    husband, wife, partner, friend, friends, colleague, colleagues, boss, manager, sister, brother, mom,
    mum, mother, dad, father, son, daughter, cousin, aunt, uncle, neighbor, neighbour, mentor,
    professor, prof, teacher, coach, classmate, roommate, coworker, co worker, cofounder, co founder,
    director, pastor, advisor, adviser, supervisor, recruiter, client, patient, student, niece, nephew,
    grandson, granddaughter, fiance, fiancee, kid, kids, daughters, sons, team lead, lead
    """
)
#: School ties.
SCHOOL = _words(
    """
    alum, alumni, alumnus, alumna, alumnae, alma mater, classmate, classmates, graduate, graduated,
    graduates, grad, grads, class of, cohort, university, college, school, campus, mba, phd, degree,
    fraternity, sorority, varsity, undergrad, program, programme, bootcamp, dorm, professor, thesis,
    dissertation, semester, major
    """
)
#: Words that say "the same as you".
SAME = _words("fellow, also, too, both, same, another, as well, either, like you, like yourself, shared")
#: Working together.
COLLEAGUE = _words(
    """
    colleague, colleagues, coworker, coworkers, co worker, teammate, teammates, worked together,
    work together, working together, former, formerly, used to work, reported to, your team,
    my old team, intern, interned, internship, onboarding, same team, same company, same floor,
    same project, worked with, work with you, back at, back in, days at, days in, alumni network,
    shared a classroom, same school, same unit, same shift, night shift, day shift, go live, go-live,
    rotation, clinical rotation, residency, on the team, was on the, were on the
    """
)
#: Groups people belong to.
GROUP = _words(
    """
    member, members, membership, group, chapter, association, society, club, guild, council, committee,
    board, community, league, alliance, circle, slack, discord, subreddit, church, congregation, pta,
    boosters, volunteer, volunteers, volunteering, volunteered, troop, choir, squad, crew, cohort,
    forum, roundtable, union, federation, institute, academy, foundation, rotary, lions, kiwanis,
    chamber
    """
)
#: Talking again after an earlier contact.
FOLLOW_UP = _words(
    """
    following up, follow up, followup, as promised, promised, as discussed, discussed, per our,
    after our, earlier, last week, last month, last night, last year, yesterday, this morning,
    the other day, recently, again, reconnect, reconnecting, remember me, you may remember,
    you might remember, rematch, catch up, caught up, kept in touch, keep in touch, stay in touch,
    in touch, our call, our chat, our conversation, our meeting, our email, your email, your reply,
    your note, your message, your call, your time, your help, since we, when we, we spoke, we talked,
    we met, we chatted, good seeing, great seeing, nice seeing, good to see, great to see,
    lovely to see, nice to see, good talking, great talking, nice talking, good chatting,
    great chatting, thanks again, thank you again
    """
)
#: Asking for advice.
ADVICE = _words(
    """
    advice, question, questions, guidance, tips, tip, insight, insights, perspective, thoughts, input,
    feedback, recommendation, recommendations, pointers, mentorship, mentor, learn, learning, curious,
    wondering, pick your brain, how did you, how do you, would you mind, would you be willing,
    could you share, can i ask, may i ask, any chance, ask you, ask about, your take, your view,
    your experience, your advice, learn from, learn more about your, tell me what, tell me how,
    tell me about, what it takes, what the work entails, what such work entails
    """
)
#: A job, asked about or applied for.
JOB = _words(
    """
    role, roles, position, positions, opening, openings, job, jobs, posting, postings, vacancy,
    vacancies, applied, applying, application, interview, interviewing, interviewed, hiring, internship,
    internships, resume, cv, candidate, req, requisition, new grad, entry level, job search, job hunt,
    laid off, open to work, between roles, in transition
    """
)
#: Inviting the reader to take part, not to buy.
INVITE = _words(
    """
    invite, inviting, invitation, speak, speaker, speakers, judge, judges, mentor, mentors, panelist,
    panellist, volunteer, volunteers, guest lecture, keynote, career day, career fair, join us,
    join our, take part, serve on, sit on, contribute, collaborate, collaboration, co author, coauthor,
    co host, partner on, reviewer, joining, join a, join the, mentoring, have you demo, have you teach,
    have you lead, have you present, give a talk, give a short talk, field a team, have you back,
    have you on, have you join, have you speak, needs someone, need someone, need one more,
    looking for a, looking for someone, would you consider, would you be willing, participating,
    participate, be part of our, help with our, help us, lend a hand, sit on a panel
    """
)
#: Thanks and congratulations.
THANKS = _words(
    """
    thank, thanks, thank you, thankful, grateful, appreciate, appreciated, kudos, congrats,
    congratulations, shout out, shoutout, cheers
    """
)
#: Close ties of daily life.
NEIGHBOURLY = _words(
    """
    neighbor, neighbors, neighbour, neighbours, across the street, down the street, next door,
    same building, same street, our kids, your kids, my kids, our son, our daughter, your son,
    your daughter, my son, my daughter, my granddaughter, my grandson, our granddaughter,
    our grandson, my grandkids, my grandchildren, my niece, my nephew, carpool, same gym,
    same church, your store, your shop,
    your bakery, your cafe, regular, regulars, your class, your classroom, your lab, your students
    """
)

# -- stock notes ---------------------------------------------------------------------

#: What the default and template notes say: wanting to connect, and little else.
CONNECT = _words(
    """
    connect, connecting, connected, connection, connections, network, networking, add you, join your,
    link up, linked, be in touch, touch base, expand my network, grow my network, build my network,
    accept my request, accept my invitation, accept my invite,
    professional network, my network, your network, mutual connections, mutual, mutuals, in common,
    like minded, likeminded, same industry, same field, same area, same space, same city, nearby
    """
)
#: Suggestions by the site, not the writer: "LinkedIn suggested you".
SUGGESTED = _words(
    """
    linkedin suggested, linkedin recommended, linkedin says, linkedin thinks, li suggested,
    people you may know, someone i may know, someone you may know, you may know, i may know,
    suggested you, recommended you as, showed up in, popped up in, appeared in my feed,
    came up in my feed, came across your profile, came across you, stumbled upon your profile,
    saw your profile, found your profile, your profile came up, your profile popped
    """
)
#: Praise that could be said of anyone.
FLATTERY = _words(
    """
    impressive, impressed, amazing, inspiring, inspirational, successful, wonderful, brilliant, stellar,
    outstanding, remarkable, incredible, fantastic, awesome, great profile, nice profile,
    great background, your background, your journey, your experience, your expertise, your achievements,
    your accomplishments, kind person, beautiful, lovely, gorgeous, smart, talented, admire you,
    look up to, role model, very successful, such a, so much
    """
)
#: The writer seeks work.
SEEKING = _words(
    """
    open to work, opentowork, seeking, looking for a role, looking for a new role, looking for my next,
    looking for work, looking for a job, job search, job searching, job hunting, in transition,
    in career transition, between roles, between jobs, laid off, recently laid off, let go, was let go,
    available for, actively looking, actively seeking, new grad, recent graduate, recent grad,
    career change, changing careers, pivoting, exploring new opportunities, exploring opportunities,
    open to opportunities, next chapter, next opportunity, next role, job seeker
    """
)
#: Proposing to talk.
PROPOSE = _words(
    """
    would you, could we, can we, shall we, lets, let us, happy to, love to, like to, open to, free for,
    time to, time for, set up, schedule, grab, hop on, jump on, available, sometime, are you up, up for,
    would love, would like, if you have, if youre
    """
)
#: The writer introduces themselves.
INTRODUCE = _words(
    """
    my name is, my names, im a, im an, im the, as a, as an, i am a, i am an, i am the, i work,
    i worked, i run,
    i own, i lead, i manage, i teach, i founded, i started, i coach, i recruit, im currently,
    i currently, i recently, im based, i live, im from, this is, its me, here from, i was your,
    i was the, i was on, i was in, i was at
    """
)

#: Every class, by the name moves use.
CLASSES: dict[str, frozenset[str]] = {
    name: value for name, value in globals().items() if name.isupper() and isinstance(value, frozenset)
}
