"""Prompts: few-shot completion prompts for base models, chat messages for instruct models.

The stable part (instruction + examples) comes first so llama.cpp reuses its evaluated
prefix from one call to the next; only the source span changes at the end. The examples
are the project's own invented sentences — the guard rejects any output that copies them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rewriter.generate.backend import Request


@dataclass(frozen=True)
class Task:
    name: str
    instruction: str
    examples: tuple[tuple[str, str], ...]
    input_label: str
    output_label: str


SENTENCE = Task(
    name="phrase",
    instruction="Réécris chaque phrase en français avec d'autres mots et dans un autre ordre, "
    "sans rien ajouter ni retirer : mêmes faits, mêmes chiffres, mêmes noms.",
    examples=(
        (
            "Le conseil municipal a adopté lundi soir le budget de la commune, "
            "par 27 voix contre 6.",
            "Par 27 voix contre 6, les élus de la commune ont adopté son budget lundi soir.",
        ),
        (
            "La directrice du musée, Claire Dubois, a annoncé la fermeture des salles pendant "
            "trois mois.",
            "Les salles du musée fermeront pendant trois mois, a annoncé sa directrice, "
            "Claire Dubois.",
        ),
        (
            "Les ventes de vélos électriques ont progressé de 12 % l'an dernier en Bretagne.",
            "En Bretagne, la progression des ventes de vélos électriques a atteint 12 % l'an "
            "dernier.",
        ),
        (
            "Le préfet a interdit la baignade sur trois plages après une pollution.",
            "Après une pollution, la baignade a été interdite par le préfet sur trois plages.",
        ),
    ),
    input_label="Phrase",
    output_label="Réécriture",
)

SPLIT = Task(
    name="coupe",
    instruction="Coupe chaque phrase trop longue en deux phrases courtes, avec les mêmes mots, "
    "sans rien ajouter ni retirer.",
    examples=(
        (
            "Le conseil municipal a adopté lundi soir le budget de la commune, qui prévoit une "
            "hausse de 3 % des dépenses de voirie et la rénovation de deux écoles.",
            "Le conseil municipal a adopté lundi soir le budget de la commune. Ce budget prévoit "
            "une hausse de 3 % des dépenses de voirie et la rénovation de deux écoles.",
        ),
        (
            "Selon la préfecture, la baignade reste interdite sur trois plages du littoral après "
            "une pollution aux hydrocarbures détectée dimanche par les services de l'État.",
            "Selon la préfecture, la baignade reste interdite sur trois plages du littoral. Les "
            "services de l'État y ont détecté dimanche une pollution aux hydrocarbures.",
        ),
        (
            "Les ventes de vélos électriques, portées par une prime régionale de 200 euros, ont "
            "progressé de 12 % l'an dernier en Bretagne.",
            "Les ventes de vélos électriques ont progressé de 12 % l'an dernier en Bretagne. Une "
            "prime régionale de 200 euros les a portées.",
        ),
    ),
    input_label="Phrase",
    output_label="Deux phrases",
)

SHORTEN = Task(
    name="résumé",
    instruction="Raccourcis chaque phrase : garde l'essentiel avec les mêmes mots, "
    "sans rien ajouter.",
    examples=(
        (
            "Le conseil municipal a adopté lundi soir le budget de la commune, qui prévoit une "
            "hausse de 3 % des dépenses de voirie.",
            "Le budget de la commune prévoit une hausse de 3 % des dépenses de voirie.",
        ),
        (
            "Les ventes de vélos électriques, portées par une prime régionale de 200 euros, ont "
            "progressé de 12 % l'an dernier en Bretagne.",
            "En Bretagne, les ventes de vélos électriques ont progressé de 12 % l'an dernier.",
        ),
        (
            "La directrice du musée, Claire Dubois, a annoncé jeudi que les salles fermeraient "
            "pendant trois mois pour des travaux.",
            "Les salles du musée fermeraient pendant trois mois pour des travaux.",
        ),
    ),
    input_label="Phrase",
    output_label="Phrase courte",
)

HEADING = Task(
    name="intertitre",
    instruction="Donne un intertitre court et précis pour chaque passage, avec ses propres mots.",
    examples=(
        (
            "Le conseil municipal a adopté le budget par 27 voix contre 6. L'opposition dénonce "
            "la hausse des impôts locaux.",
            "Un budget adopté malgré l'opposition",
        ),
        (
            "Les ventes de vélos électriques ont progressé de 12 % en Bretagne. Les magasins "
            "manquent de stock.",
            "La progression des ventes de vélos électriques",
        ),
        (
            "La baignade est interdite sur trois plages après une pollution. Des analyses sont "
            "en cours.",
            "Une baignade interdite sur trois plages",
        ),
    ),
    input_label="Passage",
    output_label="Intertitre",
)

TITLE = Task(
    name="titre",
    instruction="Écris un titre de presse court (moins de 60 caractères) qui commence par le "
    "mot-clé, sans rien ajouter au texte.",
    examples=(
        (
            "Mot-clé : budget municipal. Texte : Le conseil municipal a adopté le budget par 27 "
            "voix contre 6 lundi soir.",
            "Budget municipal : adopté par 27 voix contre 6",
        ),
        (
            "Mot-clé : vélos électriques. Texte : Les ventes de vélos électriques ont progressé "
            "de 12 % en Bretagne l'an dernier.",
            "Vélos électriques : des ventes en hausse de 12 % en Bretagne",
        ),
    ),
    input_label="Article",
    output_label="Titre",
)

META = Task(
    name="méta",
    instruction="Résume le texte en une phrase de 120 à 150 caractères qui commence par le "
    "mot-clé, sans rien ajouter au texte.",
    examples=(
        (
            "Mot-clé : budget municipal. Texte : Le conseil municipal a adopté le budget par 27 "
            "voix contre 6 lundi soir. L'opposition dénonce la hausse des impôts locaux.",
            "Budget municipal : le conseil l'a adopté lundi soir par 27 voix contre 6, "
            "l'opposition dénonçant la hausse des impôts locaux.",
        ),
    ),
    input_label="Article",
    output_label="Description",
)


def build(task: Task, source: str, *, prefix: str = "", style: str = "base") -> Request:
    """A Request for `task` on `source`; `prefix` forces the start of the answer."""
    if style == "instruct":
        shots = "\n".join(
            f"{task.input_label} : {i}\n{task.output_label} : {o}" for i, o in task.examples
        )
        messages = [
            {"role": "system", "content": task.instruction + " Réponds par une seule ligne."},
            {
                "role": "user",
                "content": f"Exemples :\n{shots}\n\n{task.input_label} : {source}"
                + (f"\nCommence par : {prefix}" if prefix else ""),
            },
        ]
        return Request(prompt="", messages=messages)
    lines = [task.instruction, ""]
    for given, answer in task.examples:
        lines += [f"{task.input_label} : {given}", f"{task.output_label} : {answer}", ""]
    lines += [
        f"{task.input_label} : {source}",
        f"{task.output_label} :" + (f" {prefix}" if prefix else ""),
    ]
    return Request(prompt="\n".join(lines))


def example_texts(task: Task) -> list[str]:
    return [answer for _, answer in task.examples] + [given for given, _ in task.examples]
