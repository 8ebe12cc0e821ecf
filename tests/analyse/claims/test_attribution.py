"""Attribution conventions of Italian journalism, on sentences written for these tests:
speakers between dashes, after and before a quotation, in the next sentence, over
several sentences and paragraphs, by role, and the words that are never speakers."""

from __future__ import annotations

import pytest

from lettore.analyse.claims import extract_claims
from lettore.analyse.claims.evaluate import article_from_gold
from lettore.model import Article, Claim, Entity


def _article(*paragraphs: list[str]) -> Article:
    """An article whose paragraphs hold the given sentences."""
    blocks = [{"kind": "paragraph", "sentences": [{"text": s} for s in p]} for p in paragraphs]
    return article_from_gold({"name": "t", "blocks": blocks})


def _people(article: Article, *names: str) -> list[Entity]:
    """PER entities for every occurrence of the given names (the tagger's part, made here)."""
    found = []
    for block in article.blocks:
        for sentence in block.sentences:
            for name in names:
                at = sentence.text.find(name)
                while at >= 0:
                    found.append(Entity(name, "PER", block.index, sentence.index, at, at + len(name)))
                    at = sentence.text.find(name, at + 1)
    return sorted(found, key=lambda e: (e.block, e.sentence, e.start))


def _speakers(*paragraphs: list[str], people: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    """(kind, speaker) of every claim of the article, in reading order."""
    article = _article(*paragraphs)
    claims: list[Claim] = extract_claims(article, _people(article, *people), {})
    return [(c.kind, c.attributed_to) for c in claims]


def test_speaker_between_dashes_inside_the_quotation() -> None:
    found = _speakers(
        ["«È la terza volta che ci entrano in negozio - racconta la fornaia Marta Ferri - "
         "e ogni volta portano via l'incasso»."],
        people=("Marta Ferri",),
    )
    assert found == [("quote", "Marta Ferri")]


def test_speaker_after_the_quotation_with_his_role_and_name() -> None:
    found = _speakers(
        ["«Il servizio riprenderà solo quando avremo garanzie scritte», "
         "ha detto il segretario della Uil-Trasporti, Paolo Gatti."],
        people=("Paolo Gatti",),
    )
    assert found == [("quote", "Paolo Gatti")]


def test_speaker_after_the_quotation_with_the_outlet_that_heard_it() -> None:
    found = _speakers(
        ["«Le ambulanze arrivano sempre in ritardo in montagna - ha commentato Sara Vitali a Radio Valle - "
         "e nessuno interviene»."],
        people=("Sara Vitali",),
    )
    assert found == [("quote", "Sara Vitali")]


def test_speaker_before_the_quotation_with_a_colon() -> None:
    found = _speakers(["Il sindaco Bertoni: «La piscina riaprirà a settembre con nuovi orari»."], people=("Bertoni",))
    assert found == [("quote", "Bertoni")]


def test_speaker_named_in_the_sentence_after_the_quotation() -> None:
    found = _speakers(
        ["«Mi hanno preso il portafoglio mentre pagavo il parcheggio».", "Lo racconta Giulia Serra, ancora scossa."],
        people=("Giulia Serra",),
    )
    assert [speaker for _, speaker in found] == ["Giulia Serra", "Giulia Serra"]
    assert found[0][0] == "quote"


def test_quotation_over_sentences_and_paragraphs_gives_every_sentence_the_speaker() -> None:
    found = _speakers(
        ["«Abbiamo chiuso il forno alle otto come ogni sera.", "Quando sono tornato la vetrina era in frantumi."],
        ["Mancavano la cassa e due affettatrici nuove - continua Franco Neri - ma nessuno ha sentito nulla»."],
        people=("Franco Neri",),
    )
    assert found == [("quote", "Franco Neri")] * 3


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Secondo Laura Conti il cantiere durerà almeno altri sei mesi.", "Laura Conti"),
        ("Il cantiere durerà almeno altri sei mesi, fa sapere Laura Conti.", "Laura Conti"),
        ("Il cantiere durerà almeno altri sei mesi, riferisce Laura Conti.", "Laura Conti"),
        ("Il cantiere, spiega Laura Conti, durerà almeno altri sei mesi.", "Laura Conti"),
    ],
)
def test_secondo_fa_sapere_riferisce_spiega(sentence: str, speaker: str) -> None:
    assert _speakers([sentence], people=("Laura Conti",)) == [("reported", speaker)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Secondo l'opposizione il bilancio nasconde un buco di due milioni.", "opposizione"),
        ("Secondo gli inquirenti l'incendio sarebbe partito dal garage.", "gli inquirenti"),
        ("Secondo fonti vicine alla procura il fascicolo verrà chiuso a breve.", "fonti vicine alla procura"),
        ("Secondo i sindacati e le associazioni la chiusura colpirà cento famiglie.", "i sindacati"),
    ],
)
def test_secondo_source_is_its_noun_phrase_not_the_clause_after_it(sentence: str, speaker: str) -> None:
    assert _speakers([sentence]) == [("reported", speaker)]


def test_role_noun_resolves_to_the_person_the_article_named() -> None:
    found = _speakers(
        ["Il titolare Luca Lotti ha riaperto il bar dopo tre giorni di chiusura forzata."],
        ["«Ci hanno rubato anche la macchina del caffè», spiega il titolare."],
        people=("Luca Lotti",),
    )
    assert found[-1] == ("quote", "Luca Lotti")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Secondo i carabinieri il furgone era stato rubato la notte prima a Carpi.", "carabinieri"),
        ("«Papà non apriva mai agli sconosciuti», racconta la figlia della coppia.", "la figlia della coppia"),
    ],
)
def test_unnamed_source_by_its_role(sentence: str, speaker: str) -> None:
    (_, found), = _speakers([sentence])
    assert found is not None and speaker in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Ladri scatenati hanno svaligiato ieri notte tre villette del centro.",
        "IL FURTO Come è ormai abitudine i ladri sono entrati dal retro del negozio.",
        "La 42enne è stata accompagnata al pronto soccorso in stato di choc.",
        "Il giovane straniero è stato denunciato per furto aggravato dai carabinieri.",
        "Il caso è stato denunciato subito alla polizia locale del paese.",
        "I carabinieri hanno denunciato per ricettazione il 19enne del paese.",
    ],
)
def test_common_nouns_pronouns_and_ages_are_never_speakers(sentence: str) -> None:
    assert all(speaker is None for _, speaker in _speakers([sentence]))


def test_clitic_opening_is_no_speaker_and_the_name_after_the_verb_is() -> None:
    found = _speakers(["Lo ha scritto ieri sera sui social Marco Pini, chiedendo aiuto."], people=("Marco Pini",))
    assert found == [("reported", "Marco Pini")]


def test_upper_case_kicker_is_not_part_of_the_speaker() -> None:
    found = _speakers(["MODENA La Squadra Mobile ha spiegato che i due erano già noti alle forze dell'ordine."])
    assert found == [("reported", "Squadra Mobile")]


def test_title_quotation_goes_to_the_article_s_quoted_speaker() -> None:
    found = _speakers(
        ["Furto alla bottega da Ferri a Vignola: «Ci hanno rovinato»"],
        ["SPILAMBERTO.", "I ladri sono entrati nella notte dal lucernario della bottega.",
         "«Hanno portato via tutto il rame del laboratorio», dice Anna Ferri."],
        people=("Anna Ferri",),
    )
    assert found[0] == ("quote", "Anna Ferri")


def test_dash_insert_without_a_name_continues_the_last_speaker() -> None:
    found = _speakers(
        ["«Sono entrati dal tetto - dice uno dei vicini - e sono scesi in cortile.", "Conoscevano bene la casa».",
         "Arrivati in cantina hanno “svuotato” gli scaffali - spiega - e sono usciti dal retro.",
         "Nessuno ha sentito nulla»."],
    )
    assert [speaker for _, speaker in found] == ["uno dei vicini"] * 4


def test_short_scare_quotes_do_not_join_a_quotation() -> None:
    found = _speakers(
        ["«Il vaccino funziona nella maggior parte dei pazienti», ha detto Piero Sala.",
         "Le cellule vengono “istruite” in laboratorio e poi reinfuse nel paziente."],
        people=("Piero Sala",),
    )
    assert found[1][1] is None


def test_a_nested_quotation_does_not_close_the_outer_one() -> None:
    found = _speakers(
        ["«Sono passati dal cortile, la zona “cieca” delle telecamere - dice uno dei soci - e poi sono saliti.",
         "Hanno aperto la cassaforte in dieci minuti.", "Sapevano tutto della nostra ditta»."],
    )
    assert [speaker for _, speaker in found] == ["uno dei soci"] * 3


def test_lo_racconta_with_the_role_first_and_the_name_in_apposition() -> None:
    found = _speakers(
        ["«Ho visto il fumo dalla finestra e ho chiamato subito i pompieri».",
         "Lo racconta la vicina di casa, Giulia Serra."],
        people=("Giulia Serra",),
    )
    assert found == [("quote", "Giulia Serra"), ("reported", "Giulia Serra")]


def test_a_speaker_introduced_before_a_quotation_over_two_paragraphs() -> None:
    found = _speakers(
        ["Lo racconta il parroco di Sestola, don Franco Mori.", "«Erano una famiglia conosciuta da tutti.",
         "Il paese si stringe attorno a loro."],
        ["Domenica faremo una veglia in chiesa»."],
        people=("Franco Mori",),
    )
    assert [speaker for _, speaker in found] == ["Franco Mori"] * 4


def test_the_mayor_called_primo_cittadino_later_is_still_the_mayor() -> None:
    found = _speakers(
        ["Il sindaco Riccardo Righi ha annunciato che le tariffe della mensa saranno riviste.",
         "Il primo cittadino ha poi aggiunto che le famiglie con un Isee basso non pagheranno nulla."],
        people=("Riccardo Righi",),
    )
    assert found == [("reported", "Riccardo Righi"), ("reported", "Riccardo Righi")]


def test_an_organisation_of_a_town_speaks_not_the_town() -> None:
    article = _article(["La Cgil di Formigine fa sapere che organizzerà un presidio davanti al municipio."])
    sentence = article.blocks[0].sentences[0].text
    entities = [Entity("Cgil", "ORG", 0, 0, sentence.index("Cgil"), sentence.index("Cgil") + 4),
                Entity("Formigine", "LOC", 0, 0, sentence.index("Formigine"), sentence.index("Formigine") + 9)]
    claims = extract_claims(article, entities, {})
    assert [(c.kind, c.attributed_to) for c in claims] == [("reported", "Cgil")]


def test_an_apposition_name_followed_by_where_it_was_said() -> None:
    found = _speakers(
        ["«Mancano almeno 40 medici in provincia», ha dichiarato il direttore generale dell'Ausl, "
         "Carlo Bassi, in un'intervista alla Gazzetta di Modena."],
        people=("Carlo Bassi",),
    )
    assert found == [("quote", "Carlo Bassi")]


def test_the_lawyer_named_once_is_later_il_legale() -> None:
    found = _speakers(
        ["L'arrestato, difeso dall'avvocato Silvia Ferraresi, ha negato ogni addebito davanti al giudice.",
         "«Il mio assistito non sapeva nulla di quel magazzino», ha detto il legale."],
        people=("Silvia Ferraresi",),
    )
    assert found[-1] == ("quote", "Silvia Ferraresi")


def test_an_apposition_that_names_no_source_leaves_the_phrase_it_describes() -> None:
    found = _speakers(
        ["La titolare del negozio, una donna di 58 anni, ha raccontato ai carabinieri che i ladri erano due."],
    )
    assert found == [("reported", "La titolare del negozio")]


def test_title_quotation_goes_to_the_body_speaker_it_repeats_not_the_most_quoted() -> None:
    found = _speakers(
        ["Bilancio, scontro in consiglio: «Mancano i fondi per le scuole di montagna»"],
        ["Il consiglio comunale ha discusso ieri sera il bilancio di previsione per il prossimo anno."],
        ["«Abbiamo fatto scelte difficili ma necessarie», ha detto il sindaco Marco Rinaldi.",
         "«Le tasse non aumenteranno», ha aggiunto Marco Rinaldi.",
         "«Chiudiamo i conti in pareggio», ha spiegato Marco Rinaldi."],
        ["«Mancano ancora i fondi per le scuole di montagna, e le famiglie lo sanno», "
         "ha replicato la consigliera Anna Ferretti."],
        people=("Marco Rinaldi", "Anna Ferretti"),
    )
    assert found[0] == ("quote", "Anna Ferretti")
    assert ("quote", "Marco Rinaldi") in found


def test_title_quotation_repeating_nothing_goes_to_the_most_quoted_speaker() -> None:
    found = _speakers(
        ["Rapina in farmacia: «Ho avuto paura per i miei figli»"],
        ["Un uomo armato di coltello è entrato ieri sera nella farmacia di via Roma a Vignola."],
        ["«Mi ha puntato la lama alla gola», racconta la farmacista Paola Neri.",
         "«Poi ha preso la cassa ed è scappato», aggiunge Paola Neri.",
         "«Non tornerò al lavoro per un po'», conclude Paola Neri."],
        people=("Paola Neri",),
    )
    assert found[0] == ("quote", "Paola Neri")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Per la Fp Cgil, la chiusura del reparto è un errore che pagheranno i pazienti.", "Fp Cgil"),
        ("Per il sindaco Marco Rinaldi, la nuova rotonda ridurrà gli incidenti.", "Marco Rinaldi"),
    ],
)
def test_per_with_a_named_holder_and_a_comma_is_attribution(sentence: str, speaker: str) -> None:
    org = ("Fp Cgil",) if "Cgil" in sentence else ()
    article = _article([sentence])
    entities = _people(article, "Marco Rinaldi") + [
        Entity(name, "ORG", 0, 0, sentence.find(name), sentence.find(name) + len(name)) for name in org
    ]
    claims = extract_claims(article, sorted(entities, key=lambda e: e.start), {})
    assert [c.attributed_to for c in claims] == [speaker]


def test_per_without_a_comma_is_who_something_is_for_not_a_source() -> None:
    sentence = "Per la Polizia Locale di Vignola è arrivata una nuova auto con le dotazioni per i rilievi."
    at = sentence.find("Polizia Locale")
    article = _article([sentence])
    claims = extract_claims(article, [Entity("Polizia Locale", "ORG", 0, 0, at, at + 14)], {})
    assert all(c.attributed_to is None for c in claims)


def test_a_promise_is_reported_speech() -> None:
    found = _speakers(
        ["Il nuovo ponte sarà aperto entro l'estate, ha promesso l'assessore Luca Bertoni."],
        people=("Luca Bertoni",),
    )
    assert found == [("reported", "Luca Bertoni")]


def test_speaker_after_the_quotation_with_a_verb_that_needs_a_complement() -> None:
    found = _speakers(
        ["«Riapriremo entro un mese e nessuno perderà il posto», ha assicurato il titolare "
         "dell'azienda, Carlo Benassi, alla Gazzetta di Reggio."],
        people=("Carlo Benassi",),
    )
    assert found == [("quote", "Carlo Benassi")]


def test_a_bare_participle_is_no_reporting_verb() -> None:
    sentence = ("Il tribunale ha condannato a tre anni Piero Gatti, accusato di aver raggirato "
                "sei pensionati tra Formigine e Fiorano.")
    article = _article([sentence])
    entities = _people(article, "Piero Gatti") + [
        Entity(town, "LOC", 0, 0, sentence.find(town), sentence.find(town) + len(town))
        for town in ("Formigine", "Fiorano")
    ]
    claims = extract_claims(article, sorted(entities, key=lambda e: e.start), {})
    assert [c.attributed_to for c in claims] == [None]


def test_a_cleft_names_the_speaker_of_its_sentence_and_of_the_quotation_before() -> None:
    found = _speakers(
        ["«La strada resterà chiusa almeno fino a lunedì».",
         "A confermarlo è stato il comandante della polizia locale, Giorgio Bassi."],
        people=("Giorgio Bassi",),
    )
    assert found == [("quote", "Giorgio Bassi"), ("reported", "Giorgio Bassi")]


@pytest.mark.parametrize(
    ("sentences", "speaker"),
    [
        (["«Non ci fermeremo finché non avremo giustizia», è il commento del fratello della vittima, Luca Ferri."],
         "Luca Ferri"),
        (["Il titolare Mirco Bega ha riaperto il negozio dopo il furto.",
          "«Ci hanno portato via tutto, anche la cassa», è lo sfogo del titolare."], "Mirco Bega"),
    ],
)
def test_what_the_quotation_was_names_whose_it_was(sentences: list[str], speaker: str) -> None:
    assert _speakers(sentences, people=("Luca Ferri", "Mirco Bega"))[-1] == ("quote", speaker)


def test_an_unnamed_source_with_an_indefinite_article_is_a_speaker() -> None:
    found = _speakers(["«Ho visto il fumo e ho chiamato subito i soccorsi», dice una residente."])
    assert found == [("quote", "una residente")]


def test_stando_a_quanto_ricostruito_names_who_reconstructed_it() -> None:
    found = _speakers(["Stando a quanto ricostruito dagli investigatori, l'uomo avrebbe agito da solo."])
    assert found[0][1] == "investigatori"
