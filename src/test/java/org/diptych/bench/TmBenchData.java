package org.diptych.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the translation-memory benchmark data from a seed: two TMX files with the same English side,
 * {@code en-ru-N.tmx} and {@code en-pt-N.tmx}, and {@code queries-N.tsv}, queries with known answers.
 *
 * <p>The text is this class's own trilingual material: sentences built from phrase lists (subjects,
 * verbs, objects, places, dates, subordinate clauses) written in English, Russian and Portuguese. Units
 * come in families of near-duplicates as real TMs have them: numbered items ("Item 7. …"), the same
 * sentence with other dates, English synonyms of the verb, a sentence and its swapped-clause form; some
 * units carry inline tags ({@code bpt/ept}, {@code ph}). Every unit's plain English text is unique.
 *
 * <p>Query classes: {@code exact} (a unit's plain text), {@code edit1} and {@code edit3} (one or three
 * words replaced by words the corpus never uses), {@code number} (a number changed to one the family
 * never uses), {@code swapped} (the two clauses swapped), {@code unrelated} (sentences from other
 * phrase lists). The right answers of a query are the units of its family at the smallest word edit
 * distance (for swapped: with the same words); for unrelated queries, no match at or above 60.
 * Queries file: {@code class TAB query TAB right tuids (comma separated, empty for unrelated)}.
 */
public final class TmBenchData {
    enum QClass { exact, edit1, edit3, number, swapped, unrelated }

    private static final String[][] SUBJECTS = {
            {"the delegates", "делегаты", "os delegados"},
            {"the members of the council", "члены совета", "os membros do conselho"},
            {"the volunteers", "волонтёры", "os voluntários"},
            {"the editors", "редакторы", "os editores"},
            {"the lawyers", "юристы", "os advogados"},
            {"the trade unions", "профсоюзы", "os sindicatos"},
            {"the students", "студенты", "os estudantes"},
            {"the journalists", "журналисты", "os jornalistas"},
            {"the local activists", "местные активисты", "os ativistas locais"},
            {"the workers of the port", "работники порта", "os trabalhadores do porto"},
            {"the teachers", "учителя", "os professores"},
            {"the doctors", "врачи", "os médicos"},
            {"the farmers", "фермеры", "os agricultores"},
            {"the observers", "наблюдатели", "os observadores"},
            {"the organisers", "организаторы", "os organizadores"},
            {"the translators", "переводчики", "os tradutores"},
            {"the deputies", "депутаты", "os deputados"},
            {"the residents of the district", "жители района", "os moradores do bairro"},
            {"the human rights defenders", "правозащитники", "os defensores dos direitos humanos"},
            {"the representatives of the party", "представители партии", "os representantes do partido"},
            {"the miners", "шахтёры", "os mineiros"},
            {"the nurses", "медсёстры", "as enfermeiras"},
            {"the pensioners", "пенсионеры", "os aposentados"},
            {"the young people", "молодые люди", "os jovens"},
            {"the scientists", "учёные", "os cientistas"},
            {"the railway workers", "железнодорожники", "os ferroviários"},
            {"the tenants", "жильцы", "os inquilinos"},
            {"the regional committees", "региональные комитеты", "os comitês regionais"},
    };
    /** English past tense (synonyms after the first), Russian and Portuguese past plural. */
    private static final String[][] VERBS = {
            {"approved|adopted|endorsed", "одобрили", "aprovaram"},
            {"discussed|debated|examined", "обсудили", "discutiram"},
            {"published|released|issued", "опубликовали", "publicaram"},
            {"rejected|refused|dismissed", "отклонили", "rejeitaram"},
            {"signed", "подписали", "assinaram"},
            {"prepared|drafted", "подготовили", "prepararam"},
            {"presented|introduced", "представили", "apresentaram"},
            {"criticised|condemned", "раскритиковали", "criticaram"},
            {"supported|backed", "поддержали", "apoiaram"},
            {"translated", "перевели", "traduziram"},
            {"reviewed|revised", "пересмотрели", "revisaram"},
            {"received|obtained", "получили", "receberam"},
            {"sent|dispatched", "отправили", "enviaram"},
            {"read", "прочитали", "leram"},
            {"defended", "защитили", "defenderam"},
            {"distributed|circulated", "распространили", "distribuíram"},
            {"amended|changed", "изменили", "alteraram"},
            {"welcomed", "приветствовали", "saudaram"},
            {"studied|analysed", "изучили", "estudaram"},
            {"postponed|delayed", "отложили", "adiaram"},
    };
    private static final String[][] OBJECTS = {
            {"the annual report", "годовой доклад", "o relatório anual"},
            {"the new budget", "новый бюджет", "o novo orçamento"},
            {"the draft resolution", "проект резолюции", "o projeto de resolução"},
            {"the open letter", "открытое письмо", "a carta aberta"},
            {"the joint statement", "совместное заявление", "a declaração conjunta"},
            {"the final declaration", "итоговую декларацию", "a declaração final"},
            {"the list of demands", "список требований", "a lista de reivindicações"},
            {"the programme of the congress", "программу съезда", "o programa do congresso"},
            {"the agreement on wages", "соглашение о зарплате", "o acordo sobre salários"},
            {"the petition against the closure of the hospital", "петицию против закрытия больницы",
                    "a petição contra o fechamento do hospital"},
            {"the plan for the reconstruction of the school", "план реконструкции школы", "o plano de reconstrução da escola"},
            {"the appeal to the government", "обращение к правительству", "o apelo ao governo"},
            {"the report on working conditions", "доклад об условиях труда", "o relatório sobre as condições de trabalho"},
            {"the proposal to raise pensions", "предложение повысить пенсии", "a proposta de aumentar as aposentadorias"},
            {"the law on public assemblies", "закон о публичных собраниях", "a lei sobre reuniões públicas"},
            {"the results of the survey", "результаты опроса", "os resultados da pesquisa"},
            {"the text of the constitution", "текст конституции", "o texto da constituição"},
            {"the new housing policy", "новую жилищную политику", "a nova política habitacional"},
            {"the report of the commission", "доклад комиссии", "o relatório da comissão"},
            {"the letter of solidarity", "письмо солидарности", "a carta de solidariedade"},
            {"the manifesto of the movement", "манифест движения", "o manifesto do movimento"},
            {"the decision of the court", "решение суда", "a decisão do tribunal"},
            {"the strike schedule", "график забастовки", "o calendário da greve"},
            {"the statute of the association", "устав ассоциации", "o estatuto da associação"},
            {"the map of the new district", "карту нового района", "o mapa do novo bairro"},
            {"the rules of the election", "правила выборов", "as regras da eleição"},
            {"the minutes of the meeting", "протокол собрания", "a ata da reunião"},
            {"the study on air pollution", "исследование о загрязнении воздуха", "o estudo sobre a poluição do ar"},
            {"the budget of the hospital", "бюджет больницы", "o orçamento do hospital"},
            {"the campaign for free education", "кампанию за бесплатное образование", "a campanha pela educação gratuita"},
            {"the timetable of the night buses", "расписание ночных автобусов", "o horário dos ônibus noturnos"},
            {"the demands of the teachers", "требования учителей", "as reivindicações dos professores"},
    };
    private static final String[][] PLACES = {
            {"in Lisbon", "в Лиссабоне", "em Lisboa"},
            {"in Moscow", "в Москве", "em Moscou"},
            {"in São Paulo", "в Сан-Паулу", "em São Paulo"},
            {"in Porto", "в Порту", "no Porto"},
            {"in Kazan", "в Казани", "em Kazan"},
            {"in the city hall", "в мэрии", "na prefeitura"},
            {"at the university", "в университете", "na universidade"},
            {"at the factory", "на заводе", "na fábrica"},
            {"in the main square", "на главной площади", "na praça principal"},
            {"at the press conference", "на пресс-конференции", "na conferência de imprensa"},
            {"in Recife", "в Ресифи", "em Recife"},
            {"in Novosibirsk", "в Новосибирске", "em Novosibirsk"},
            {"in Coimbra", "в Коимбре", "em Coimbra"},
            {"at the regional assembly", "на региональном собрании", "na assembleia regional"},
            {"in the trade union office", "в офисе профсоюза", "na sede do sindicato"},
            {"in Salvador", "в Салвадоре", "em Salvador"},
            {"in Yekaterinburg", "в Екатеринбурге", "em Ecaterimburgo"},
            {"at the public library", "в публичной библиотеке", "na biblioteca pública"},
            {"in Brasília", "в Бразилиа", "em Brasília"},
            {"in Saint Petersburg", "в Санкт-Петербурге", "em São Petersburgo"},
    };
    private static final String[][] CONNECTORS = {
            {"while", "пока", "enquanto"},
            {"after", "после того как", "depois que"},
            {"because", "потому что", "porque"},
            {"although", "хотя", "embora"},
            {"before", "до того как", "antes que"},
            {"as soon as", "как только", "assim que"},
            {"when", "когда", "quando"},
            {"since", "поскольку", "já que"},
    };
    private static final String[][] LABELS = {
            {"Item", "Пункт", "Item"}, {"Article", "Статья", "Artigo"}, {"Section", "Раздел", "Seção"},
            {"Point", "Пункт", "Ponto"}, {"Step", "Шаг", "Passo"},
    };
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final String[] MONTHS_RU = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря"};
    private static final String[] MONTHS_PT = {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
            "agosto", "setembro", "outubro", "novembro", "dezembro"};
    /** Words the corpus never uses: edits that cannot turn a query into another unit. */
    private static final String[] EDIT_WORDS = {"purple", "quietly", "banana", "elephant", "violin", "orbit",
            "marble", "lantern", "whisper", "saffron", "glacier", "pepper", "velvet", "thunder", "compass",
            "meadow", "falcon", "crimson", "oyster", "walnut", "copper", "tulip", "canyon", "puzzle"};
    private static final String[] U_PERSON = {"My grandmother", "Our neighbour", "The old baker", "A young painter",
            "The fisherman", "My cousin", "The village doctor", "Her brother", "The shy librarian", "Their daughter"};
    private static final String[] U_VERB = {"grows", "paints", "bakes", "repairs", "sells", "collects",
            "photographs", "carves", "cooks", "knits"};
    private static final String[] U_THING = {"sweet tomatoes", "old bicycles", "blue ceramic plates",
            "wooden boats", "sourdough bread", "tiny model trains", "woollen scarves", "apple pies",
            "strange mushrooms", "paper kites"};
    private static final String[] U_WHERE = {"in her small garden", "by the quiet lake", "near the old bridge",
            "at the weekend market", "behind the bakery", "on the windy hill", "in a tiny workshop",
            "under the chestnut tree"};
    private static final String[] U_WHEN = {"every summer", "on Sunday mornings", "after the rain",
            "during the winter holidays", "before breakfast", "whenever the wind blows"};

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    /** One sentence's choices. */
    private record Plan(int subj, int verb, int syn, int obj, int place, int day, int month, int year,
                        int conn, int subj2, int verb2, int obj2, boolean clause, int label, int number,
                        boolean swapped) {
        Plan with(int newSyn, int newDay, int newMonth, int newYear, int newNumber, boolean newSwapped) {
            return new Plan(subj, verb, newSyn, obj, place, newDay, newMonth, newYear, conn, subj2, verb2, obj2,
                    clause, label, newNumber, newSwapped);
        }
    }

    private record Unit(String tuid, String en, String enSeg, String ru, String ruSeg, String pt, String ptSeg, Plan plan) {}

    private final Random rnd;
    private final Set<String> plainTexts = new HashSet<>();
    private final Map<QClass, Integer> wanted = new EnumMap<>(QClass.class);
    private final Map<QClass, Integer> made = new EnumMap<>(QClass.class);
    private final List<String> queryLines = new ArrayList<>();
    private int next;
    private double queryChance;

    private TmBenchData(long seed) {
        this.rnd = new Random(seed);
    }

    /**
     * Writes {@code en-ru-N.tmx}, {@code en-pt-N.tmx} and {@code queries-N.tsv} into {@code dir}.
     *
     * @param perClass queries per class
     */
    public static void generate(long seed, int units, int perClass, Path dir) throws IOException {
        Files.createDirectories(dir);
        TmBenchData g = new TmBenchData(seed);
        for (QClass c : QClass.values()) {
            g.wanted.put(c, perClass);
            g.made.put(c, 0);
        }
        g.queryChance = Math.min(1.0, 15.0 * perClass / (units / 5.0));
        try (Writer ru = tmxWriter(dir.resolve("en-ru-" + units + ".tmx"), "ru-RU");
             Writer pt = tmxWriter(dir.resolve("en-pt-" + units + ".tmx"), "pt-BR")) {
            while (g.next < units) {
                List<Unit> family = g.family(units - g.next);
                for (Unit u : family) {
                    writeTu(ru, u, "ru-RU", u.ruSeg());
                    writeTu(pt, u, "pt-BR", u.ptSeg());
                }
                g.queries(family);
            }
            ru.write("</body>\n</tmx>\n");
            pt.write("</body>\n</tmx>\n");
        }
        while (g.made.get(QClass.unrelated) < perClass) g.unrelated();
        Files.write(dir.resolve("queries-" + units + ".tsv"), g.queryLines, StandardCharsets.UTF_8);
    }

    private static Writer tmxWriter(Path file, String target) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"diptych-bench\""
                + " creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"bench\" adminlang=\"en\" srclang=\"en-US\""
                + " datatype=\"plaintext\"/>\n<body>\n");
        return w;
    }

    private static void writeTu(Writer w, Unit u, String lang, String seg) throws IOException {
        w.write("<tu tuid=\"" + u.tuid() + "\" creationdate=\"20240115T101500Z\" creationid=\"bench\">\n"
                + "<tuv xml:lang=\"en-US\"><seg>" + u.enSeg() + "</seg></tuv>\n"
                + "<tuv xml:lang=\"" + lang + "\"><seg>" + seg + "</seg></tuv>\n</tu>\n");
    }

    // ------------------------------------------------------------------ families

    private List<Unit> family(int room) {
        Plan base = new Plan(rnd.nextInt(SUBJECTS.length), rnd.nextInt(VERBS.length), 0, rnd.nextInt(OBJECTS.length),
                rnd.nextInt(PLACES.length), 1 + rnd.nextInt(28), rnd.nextInt(12), 1990 + rnd.nextInt(36),
                rnd.nextInt(CONNECTORS.length), rnd.nextInt(SUBJECTS.length), rnd.nextInt(VERBS.length),
                rnd.nextInt(OBJECTS.length), rnd.nextDouble() < 0.6, -1, 0, false);
        List<Plan> plans = new ArrayList<>();
        double k = rnd.nextDouble();
        if (k < 0.55) {
            plans.add(base);
        } else if (k < 0.70) {
            int label = rnd.nextInt(LABELS.length);
            int n = 2 + rnd.nextInt(39);
            Plan b = new Plan(base.subj(), base.verb(), 0, base.obj(), base.place(), base.day(), base.month(), base.year(),
                    base.conn(), base.subj2(), base.verb2(), base.obj2(), base.clause(), label, 0, false);
            for (int i = 1; i <= n; i++) plans.add(b.with(0, b.day(), b.month(), b.year(), i, false));
        } else if (k < 0.82) {
            int n = 2 + rnd.nextInt(11);
            for (int i = 0; i < n; i++) {
                plans.add(base.with(0, 1 + rnd.nextInt(28), rnd.nextInt(12), 1990 + rnd.nextInt(36), 0, false));
            }
        } else if (k < 0.94) {
            int syns = VERBS[base.verb()][0].split("\\|").length;
            for (int i = 0; i < syns; i++) plans.add(base.with(i, base.day(), base.month(), base.year(), 0, false));
        } else {
            Plan b = base.clause() ? base : new Plan(base.subj(), base.verb(), 0, base.obj(), base.place(), base.day(),
                    base.month(), base.year(), base.conn(), base.subj2(), base.verb2(), base.obj2(), true, -1, 0, false);
            plans.add(b);
            plans.add(b.with(0, b.day(), b.month(), b.year(), 0, true));
        }
        List<Unit> out = new ArrayList<>();
        for (Plan p : plans) {
            if (out.size() >= room) break;
            Unit u = unit(p);
            if (u != null) out.add(u);
        }
        return out;
    }

    private Unit unit(Plan p) {
        String en = english(p);
        if (!plainTexts.add(en)) return null;
        String ru = russian(p);
        String pt = portuguese(p);
        String enSeg = esc(en);
        String ruSeg = esc(ru);
        String ptSeg = esc(pt);
        double t = rnd.nextDouble();
        if (t < 0.06) {
            enSeg = bold(en);
            ruSeg = bold(ru);
            ptSeg = bold(pt);
        } else if (t < 0.09) {
            String ph = "<ph x=\"2\">&lt;br/&gt;</ph>";
            enSeg += ph;
            ruSeg += ph;
            ptSeg += ph;
        }
        return new Unit("u" + (++next), en, enSeg, ru, ruSeg, pt, ptSeg, p);
    }

    /** The first word in bold: {@code <bpt>…</bpt>word<ept>…</ept>}. */
    private static String bold(String s) {
        int sp = s.indexOf(' ');
        return "<bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>" + esc(s.substring(0, sp)) + "<ept i=\"1\">&lt;/b&gt;</ept>"
                + esc(s.substring(sp));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String english(Plan p) {
        String verb = VERBS[p.verb()][0].split("\\|")[p.syn()];
        String a = SUBJECTS[p.subj()][0] + " " + verb + " " + OBJECTS[p.obj()][0] + " " + PLACES[p.place()][0]
                + " on " + p.day() + " " + MONTHS_EN[p.month()] + " " + p.year();
        String b = CONNECTORS[p.conn()][0] + " " + SUBJECTS[p.subj2()][0] + " " + VERBS[p.verb2()][0].split("\\|")[0]
                + " " + OBJECTS[p.obj2()][0];
        return assemble(p, a, b, 0);
    }

    private static String russian(Plan p) {
        String a = SUBJECTS[p.subj()][1] + " " + VERBS[p.verb()][1] + " " + OBJECTS[p.obj()][1] + " " + PLACES[p.place()][1]
                + " " + p.day() + " " + MONTHS_RU[p.month()] + " " + p.year() + " года";
        String b = CONNECTORS[p.conn()][1] + " " + SUBJECTS[p.subj2()][1] + " " + VERBS[p.verb2()][1] + " " + OBJECTS[p.obj2()][1];
        return assemble(p, a, b, 1);
    }

    private static String portuguese(Plan p) {
        String a = SUBJECTS[p.subj()][2] + " " + VERBS[p.verb()][2] + " " + OBJECTS[p.obj()][2] + " " + PLACES[p.place()][2]
                + " em " + p.day() + " de " + MONTHS_PT[p.month()] + " de " + p.year();
        String b = CONNECTORS[p.conn()][2] + " " + SUBJECTS[p.subj2()][2] + " " + VERBS[p.verb2()][2] + " " + OBJECTS[p.obj2()][2];
        return assemble(p, a, b, 2);
    }

    private static String assemble(Plan p, String a, String b, int lang) {
        String s;
        if (!p.clause()) s = cap(a) + ".";
        else if (p.swapped()) s = cap(b) + ", " + a + ".";
        else s = cap(a) + ", " + b + ".";
        if (p.label() >= 0) s = LABELS[p.label()][lang] + " " + p.number() + ". " + s;
        return s;
    }

    private static String cap(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    // ------------------------------------------------------------------ queries

    private void queries(List<Unit> family) {
        if (family.isEmpty() || rnd.nextDouble() >= queryChance) return;
        List<QClass> open = new ArrayList<>();
        for (QClass x : List.of(QClass.exact, QClass.edit1, QClass.edit3, QClass.number, QClass.swapped)) {
            if (made.get(x) < wanted.get(x)) open.add(x);
        }
        if (open.isEmpty()) return;
        QClass c = open.get(rnd.nextInt(open.size()));
        Unit u = family.get(rnd.nextInt(family.size()));
        String q = null;
        List<String> right = new ArrayList<>();
        switch (c) {
            case exact -> {
                q = u.en();
                right.add(u.tuid());
            }
            case edit1, edit3 -> {
                int edits = c == QClass.edit1 ? 1 : 3;
                List<int[]> words = wordSpans(u.en(), false);
                if (words.size() < (edits == 3 ? 12 : 4)) return;
                q = replaceWords(u.en(), words, edits);
                right.addAll(closest(family, q));
            }
            case number -> {
                List<int[]> nums = wordSpans(u.en(), true);
                if (nums.isEmpty()) return;
                int[] n = nums.get(rnd.nextInt(nums.size()));
                Set<String> used = new HashSet<>();
                for (Unit f : family) used.addAll(words(f.en()));
                String repl;
                do {
                    repl = String.valueOf(100 + rnd.nextInt(9000));
                } while (used.contains(repl));
                q = u.en().substring(0, n[0]) + repl + u.en().substring(n[1]);
                right.addAll(closest(family, q));
            }
            case swapped -> {
                Plan p = u.plan();
                if (!p.clause() || p.label() >= 0) return;
                q = english(p.with(p.syn(), p.day(), p.month(), p.year(), p.number(), !p.swapped()));
                for (Unit f : family) {
                    if (f.en().equals(q)) return; // the swapped form is itself a unit: that would be an exact query
                }
                List<String> qw = sorted(words(q));
                for (Unit f : family) {
                    if (sorted(words(f.en())).equals(qw)) right.add(f.tuid());
                }
            }
            default -> throw new IllegalStateException();
        }
        made.merge(c, 1, Integer::sum);
        queryLines.add(c + "\t" + q + "\t" + String.join(",", right));
    }

    private void unrelated() {
        String q = U_PERSON[rnd.nextInt(U_PERSON.length)] + " " + U_VERB[rnd.nextInt(U_VERB.length)] + " "
                + U_THING[rnd.nextInt(U_THING.length)] + " " + U_WHERE[rnd.nextInt(U_WHERE.length)] + " "
                + U_WHEN[rnd.nextInt(U_WHEN.length)] + ".";
        made.merge(QClass.unrelated, 1, Integer::sum);
        queryLines.add(QClass.unrelated + "\t" + q + "\t");
    }

    /** Spans of words ({@code numbers=false}: words with letters) or of numbers. */
    private static List<int[]> wordSpans(String s, boolean numbers) {
        List<int[]> out = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            boolean isNumber = m.group().chars().allMatch(Character::isDigit);
            if (isNumber == numbers) out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    private String replaceWords(String s, List<int[]> words, int n) {
        List<int[]> pick = new ArrayList<>(words);
        java.util.Collections.shuffle(pick, rnd);
        pick = new ArrayList<>(pick.subList(0, n));
        pick.sort((a, b) -> Integer.compare(b[0], a[0]));
        StringBuilder sb = new StringBuilder(s);
        for (int[] w : pick) sb.replace(w[0], w[1], EDIT_WORDS[rnd.nextInt(EDIT_WORDS.length)]);
        return sb.toString();
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
        return out;
    }

    private static List<String> sorted(List<String> l) {
        String[] a = l.toArray(new String[0]);
        Arrays.sort(a);
        return Arrays.asList(a);
    }

    /** The family's units at the smallest word edit distance from the query. */
    private static List<String> closest(List<Unit> family, String q) {
        List<String> qw = words(q);
        int best = Integer.MAX_VALUE;
        Map<String, Integer> d = new HashMap<>();
        for (Unit f : family) {
            int e = distance(qw, words(f.en()));
            d.put(f.tuid(), e);
            best = Math.min(best, e);
        }
        List<String> out = new ArrayList<>();
        for (Unit f : family) {
            if (d.get(f.tuid()) == best) out.add(f.tuid());
        }
        return out;
    }

    static int distance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) prev[j] = j;
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = Math.min(prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1), Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    public static void main(String[] args) throws IOException {
        long seed = Long.parseLong(args[0]);
        int units = Integer.parseInt(args[1]);
        int perClass = Integer.parseInt(args[2]);
        generate(seed, units, perClass, Path.of(args[3]));
    }
}
