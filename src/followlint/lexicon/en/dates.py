"""Calendar words: weekdays, months, numbers and the words that place a time ("in 3 days")."""

WORDS: dict[str, list[str]] = {
    "weekday/monday": ["monday", "mon"],
    "weekday/tuesday": ["tuesday", "tue", "tues"],
    "weekday/wednesday": ["wednesday", "wed"],
    "weekday/thursday": ["thursday", "thu", "thur", "thurs"],
    "weekday/friday": ["friday", "fri"],
    "weekday/saturday": ["saturday", "sat"],
    "weekday/sunday": ["sunday", "sun"],
    "month/january": ["january", "jan"],
    "month/february": ["february", "feb"],
    "month/march": ["march", "mar"],
    "month/april": ["april", "apr"],
    "month/may": ["may"],
    "month/june": ["june", "jun"],
    "month/july": ["july", "jul"],
    "month/august": ["august", "aug"],
    "month/september": ["september", "sep", "sept"],
    "month/october": ["october", "oct"],
    "month/november": ["november", "nov"],
    "month/december": ["december", "dec"],
    "number/1": ["a", "an", "one"],
    "number/2": ["two"],
    "number/3": ["three"],
    "number/4": ["four"],
    "number/5": ["five"],
    "number/6": ["six"],
    "number/7": ["seven"],
    "number/8": ["eight"],
    "number/9": ["nine"],
    "number/10": ["ten"],
    # "a couple of days" is 2 days: the "a" is not 1.
    "vague_number/2": ["couple"],
    "vague_number/3": ["few"],
    "unit/hour": ["hour", "hours"],
    "unit/day": ["day", "days"],
    "unit/week": ["week", "weeks"],
    "unit/fortnight": ["fortnight", "fortnights"],
    "unit/month": ["month", "months"],
    # The whole expression, or its first word, says today ("this afternoon", "tonight").
    "time/today": ["today", "tonight", "eod", "this afternoon", "this evening", "this morning", "later today",
                   "end of day"],
    "time/tomorrow": ["tomorrow"],
    "time/day_after_tomorrow": ["day after tomorrow"],
    # A count of units counts from now when the expression starts with one of these ("in 3 days").
    "time/relative": ["in", "within", "give", "next"],
    "time/ago": ["ago"],
    "time/business": ["business", "working"],
    "time/end": ["end"],
    "time/next": ["next"],
    "time/following": ["following"],
    "time/article": ["the"],
    # Parts of the day and of the week, as a customer rules them out ("mornings are impossible",
    # "closed at weekends"); a weekday in the plural ("Fridays") is read from the weekday list.
    "day_part/morning": ["morning", "mornings"],
    "day_part/afternoon": ["afternoon", "afternoons"],
    "day_part/evening": ["evening", "evenings"],
    "day_part/weekend": ["weekend", "weekends"],
    "day_part/weekday": ["weekday", "weekdays"],
    # What rules such a day or part out in the customer's clause ("the bay is closed on
    # Fridays", "can't do mornings"), or keeps only the ones named ("Monday to Thursday only").
    "availability/ruled_out": ["closed", "shut", "impossible", "unavailable", "busy", "asleep", "away",
                               "out", "not", "never", "no", "cannot", "unable", "tricky", "difficult", "awkward",
                               "sleep", "sleeps", "sleeping"],
    "availability/only": ["only", "exclusively"],
    # A clause that tells what happened ("the engineer didn't come on Monday") rules nothing out.
    "availability/past": ["did", "was", "were", "had", "yesterday", "ago"],
    # Ways to reach or send, as a customer rules one out ("the documents cannot be sent by email")
    # and as we ask for one ("could you email the PDFs?").
    "channel/email": ["email", "emails", "emailed", "emailing", "e-mail"],
    "channel/post": ["post", "posted", "posting", "letter"],
    "channel/phone": ["phone", "phoned", "phoning", "call", "calls", "calling", "ring", "ringing"],
    "channel/text": ["text", "texts", "texting", "sms", "whatsapp"],
    "channel/portal": ["portal", "upload", "uploaded"],
    "channel/courier": ["courier", "couriered"],
    # What may come before an imperative that tells the customer a way to send ("Just email the
    # PDFs over", "Please ring us").
    "availability/softener": ["just", "please", "simply", "kindly", "so", "then"],
    # What bounds a clock time an "only" keeps to ("lessons only after 2pm", "only before 11am").
    "availability/after": ["after", "from"],
    "availability/before": ["before", "till", "until"],
    # What makes a way to send a means in a customer's clause ("sent by email", "over the phone").
    "availability/means": ["by", "via", "over", "through"],
    # Words that join two days into a range ("Monday to Thursday", "Mon-Thu").
    "availability/range": ["to", "through", "thru", "till", "until"],
    # A date the customer cannot be reached or will not act before ("won't be out until the
    # 20th"), and the words before a place they are at until then ("working from Lisbon until").
    "availability/until": ["until", "till", "til", "'til"],
    "availability/place": ["from", "in", "at"],
    # What the customer lacks or cannot do ("I don't have a printer", "can't climb ladders"): the
    # verbs of having, the denials of ability, the bodily and practical acts a denial rules out,
    # the words that open the thing lacked, and the persons who have or can.
    "lack/have": ["have", "has", "own", "owns", "got"],
    "lack/unable": ["unable", "cannot"],
    "lack/can": ["can", "could"],
    "lack/ability": ["climb", "lift", "kneel", "bend", "stand", "walk", "drive", "travel", "carry", "reach",
                     "hear", "speak", "talk", "leave", "attend", "take", "print", "scan", "write", "type"],
    "lack/article": ["a", "an", "any"],
    "lack/none": ["no"],
    "lack/person": ["i", "we", "he", "she", "they", "i'm", "he's", "she's", "we're", "they're"],
}
