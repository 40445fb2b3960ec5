package dev.trollwatch.generate;

/**
 * The words and sentence patterns bodies are made of. Adjectives and intensifiers come from the
 * pattern/TextBlob sentiment lexicon, so the sentiment features see real polarity.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    static final String[] POSITIVE = {
        "good", "great", "awesome", "amazing", "excellent", "nice", "wonderful", "brilliant", "fantastic", "happy",
        "lucky", "perfect", "beautiful", "interesting", "smart", "funny", "cool", "fair", "honest", "solid", "fine",
        "glad", "not bad", "impressive", "hilarious", "clever", "helpful", "best", "better", "lovely"};

    static final String[] NEGATIVE = {
        "terrible", "horrible", "awful", "stupid", "dumb", "pathetic", "disgusting", "ridiculous", "bad", "worst",
        "sad", "crazy", "idiotic", "sick", "weak", "boring", "useless", "ugly", "evil", "wrong", "insane", "worse",
        "lazy", "annoying", "disappointing", "not good", "shameful", "embarrassing", "fake", "corrupt"};

    static final String[] NEUTRAL = {
        "different", "unusual", "expected", "complicated", "typical", "predictable", "okay", "overrated",
        "underrated", "normal", "average", "familiar", "strange", "unclear", "complex", "standard", "common",
        "political", "technical", "expensive"};

    static final String[] INTENSIFIERS = {
        "very ", "really ", "extremely ", "so ", "incredibly ", "totally ", "absolutely ", "pretty ", "quite ",
        "truly ", "", "", "", "", "", ""};

    static final String[] TOPICS = {
        "the new patch", "this movie", "the ending", "that recipe", "my landlord", "the referee", "the update",
        "this sub", "the mods", "the new album", "the city council", "the playoffs", "the battery life", "Linux",
        "the trailer", "the new season", "the price", "remote work", "the senator", "the tax bill", "the election",
        "the media", "the final boss", "the soundtrack", "public transit", "the budget", "the new iPhone",
        "the healthcare bill", "the Supreme Court", "the GOP", "the DNC", "Congress", "the shutdown",
        "the border wall", "net neutrality", "the coach", "the draft", "the trade deadline", "my cat", "the weather",
        "the commute", "the school board", "this thread", "the article", "the headline", "the study", "crypto",
        "the housing market", "the minimum wage", "the speech", "the debate", "Brexit", "the EU", "the FBI",
        "the Mueller report", "the subreddit", "the console", "the sequel", "the remake", "the pizza place",
        "the jalape\u00f1o poppers", "the caf\u00e9 downstairs", "Pok\u00e9mon", "the r\u00e9sum\u00e9 advice",
        "the Z\u00fcrich office", "S\u00e3o Paulo", "the na\u00efve plan", "the cr\u00e8me br\u00fbl\u00e9e",
        "the 25th amendment", "the tariffs", "the census question", "the stock market", "the vaccine", "the dog park"};

    static final String[] PERSONS = {
        "Trump", "Pelosi", "Schumer", "McConnell", "Bernie", "AOC", "Obama", "Hillary", "Putin", "Musk", "my boss",
        "the ref", "the coach", "the CEO", "the mayor", "OP", "the author", "my neighbor", "the guy at work", "Romney"};

    static final String[] RELATIVES = {
        "dad", "mom", "brother", "sister", "wife", "husband", "uncle", "aunt", "grandma", "roommate", "cousin",
        "father in law", "best friend"};

    static final String[] TIMES = {
        "week", "month", "year", "night", "weekend", "summer", "season", "morning", "Tuesday", "game"};

    static final String[] VERBS = {
        "talks about", "complains about", "watches", "buys", "defends", "mocks", "reads about", "argues about",
        "jokes about", "tweets about", "worries about", "plays"};

    static final String[] PLACES = {
        "Ohio", "Texas", "Berlin", "Toronto", "the UK", "Florida", "Montr\u00e9al", "Seattle", "my town", "Mexico",
        "Qu\u00e9bec", "K\u00f6ln", "Sydney", "Chicago"};

    static final String[] EMOJI = {
        "\uD83D\uDE02", "\uD83D\uDE44", "\uD83D\uDC4D", "\uD83D\uDD25", "\u2764\uFE0F", "\uD83D\uDE2D",
        "\uD83E\uDD14", "\u2615", "\uD83D\uDE0D", "\uD83D\uDE21", "\uD83D\uDE43", "\uD83D\uDC80", "\u00af\\_(\u30c4)_/\u00af",
        ":)", ":(", ":D", ";)", "\u00b0F"};

    static final String[] INSULTS = {
        "Cry more.", "Nobody asked.", "Stay mad.", "Get a life.", "You people are clueless.", "Imagine being this dense.",
        "What a joke.", "Typical.", "Absolute clowns.", "Keep coping.", "Wake up, sheeple!", "Sad!", "LMAO.",
        "Go back to your safe space.", "Triggered much?", "Yawn."};

    static final String[] GROUPS = {
        "liberals", "conservatives", "boomers", "millennials", "mods", "fanboys", "redditors", "leftists",
        "snowflakes", "bootlickers", "shills", "normies", "gamers", "Americans", "Europeans"};

    static final String[] SUBREDDITS = {
        "politics", "news", "worldnews", "gaming", "AskReddit", "SwitchHaxing", "movies", "nba", "soccer",
        "technology", "science", "funny", "pics", "todayilearned", "Showerthoughts", "buildapc", "personalfinance",
        "askscience", "Music", "aww"};

    static final String[] UNITS = {"hours", "days", "weeks", "months", "minutes"};

    static final String[] SITES = {
        "nytimes.com", "washingtonpost.com", "wsj.com", "bloomberg.com", "reuters.com", "theguardian.com",
        "bbc.co.uk", "latimes.com", "youtube.com", "imgur.com"};

    /** What most people write: opinions, questions, anecdotes, sometimes a table row with pipes or a path. */
    static final Template[] NORMAL_SENTENCES = Template.parseAll(
        "{topic} is {int}{adj}.",
        "I think {topic} was {adj}, but {topic2} was {int}{adj}.",
        "Honestly {topic} is not {adj}.",
        "Thanks for sharing, this is {int}{pos}!",
        "Has anyone tried {topic}? Curious what people think.",
        "I had the same problem with {topic} last {time}.",
        "lol {topic} in a nutshell",
        "Source? I can't find anything about {topic}.",
        "This. So much this.",
        "Can confirm, {topic} is {adj}.",
        "My {relative} {verb} {topic} every {time}.",
        "{topic} costs ${num} now, which is {int}{adj}.",
        "In {year}, {person} {verb} {topic}.",
        "According to {site}, {person} {verb} {topic}.",
        "It's {int}{adj} that {person} {verb} {topic}.",
        "Year | Score---|---{year} | {num}%{year} | {num}%",
        "I moved to {place} last {time} and {topic} is {adj} here.",
        "Not gonna lie, {topic} was {int}{adj} {emoji}",
        "What a {adj} {time}.",
        "Wait, {topic} is actually {adj}?",
        "{person} is {int}{adj}, change my mind.",
        "Edit: thanks for the gold, kind stranger!",
        "The files end up in C:\\Users\\me\\Downloads for some reason.",
        "TIL {topic} is older than {person}.",
        "Same here, {topic} has been {adj} since {year}.",
        "Could be worse, could be {topic}.",
        "Why is nobody talking about {topic}?",
        "I'm pretty sure {person} doesn't care about {topic}.",
        "Good luck with {topic}, you'll need it.",
        "r/{sub} is leaking again",
        "Genuinely asking: is {topic} {adj} or {adj}?",
        "{topic} vs {topic2}: {num} | {num}",
        "Agreed.",
        "Jesus.",
        "Well, that escalated quickly.",
        "Happy cake day!",
        "My {relative} still {verb} {topic}, it's {adj}.",
        "{topic} was the {neutral} one, right?",
        "Had to read that twice, {topic} is {int}{adj}.",
        "Came here to say this.");

    /** What trolls write: provocative and varied; their adjectives follow the author's mood like everyone's. */
    static final Template[] TROLL_SENTENCES = Template.parseAll(
        "{topic} is {int}{adj}. {insult}",
        "Anyone who likes {topic} is {int}{adj}.",
        "LOL imagine being this {adj}.",
        "You {group} are {int}{adj}!",
        "Typical {group}. {adj} as always.",
        "{topic} is a joke and so are you.",
        "Wake up, {topic} is {int}{adj}!!",
        "Nobody asked. {topic} is {adj}.",
        "{person} is {int}{adj} and you know it.",
        "Only {adj} people defend {topic}.",
        "Cry more {emoji}",
        "{insult} {insult}",
        "Stop posting this {adj} garbage about {topic}.",
        "Every {group} I know is {adj}.",
        "How {adj} can you be? {topic} is {adj}.",
        "THIS IS WHY {group} ARE {adj}",
        "Lmao {group} seething over {topic} {emoji}",
        "Downvote me all you want, {topic} is {int}{adj}.",
        "Imagine defending {person} in {year}.",
        "{topic}? More like {adj} trash.",
        "Reported for being {adj}.",
        "Not reading all that. {insult}",
        "{person} did nothing wrong, you {group} are just {adj}.",
        "Ok {group}, whatever. {adj} take.");

    /** What bots post: fixed boilerplate with a few details changed, so their comments are near duplicates. */
    static final Template[] BOT_TEMPLATES = Template.parseAll(
        "Hey {user}, thanks for posting at \\/r\\/{sub}! Unfortunately your comment has been removed due to rule {num};"
            + " please post questions in the stickied Q&A thread.If you believe this is an error, please contact us"
            + " via modmail and well sort it out.*I am a bot",
        "I will be messaging you in {num} {unit} to remind you of this link.CLICK THIS LINK to send a PM to also be"
            + " reminded and to reduce spam.^(Parent commenter can ) ^(delete this message to hide from others.)",
        "Here is a link to the mobile-friendly version: https://en.m.wikipedia.org/wiki/{code} ^(Beep boop, I am a bot"
            + " | Feedback | Opt out)",
        "Your submission has been automatically removed because your account is less than {num} days old. Please"
            + " message the moderators of r/{sub} if you think this is a mistake.",
        "Hi {user}, it looks like you linked to {site}. Here is an archived version: https://archive.is/{code} |"
            + " ^(I am a bot) | ^(Feedback)",
        "{num} {unit} is about {num} {unit}. ^(I'm a bot. Downvote to remove.)",
        "Thank you for your submission to r/{sub}! Please remember to follow the rules. Good luck! \uD83D\uDC4D",
        "Beep boop. Your comment mentions {topic} {num} times. Have a great day!",
        "Non-mobile link: https://{site}/{code} ^(HelperBot v1.1) ^(I am a bot. Please message \\/u\\/swim1929 with any"
            + " feedback and\\/or hate. Counter: {num})",
        "The title of this post is {num} characters long. Please keep titles under {num} characters as per rule {num}"
            + " of r/{sub}. *I am a bot, and this action was performed automatically.*",
        "Repost detected! This image was posted {num} times before, most recently {num} {unit} ago. | Accuracy {num}%"
            + " | ^(I am a bot)",
        "TL;DR of the article on {site}: {person} {verb} {topic}. Reduced by {num}%. ^(I am a bot | FAQ | Theory)");
}
