#!/usr/bin/env python3
"""A deterministic records file for benchmarks of memory books (docs/records-files.md):
N rows of made-up people for the `records` test fixture's `soldier` kind, about one in
ten a second record of someone already listed, written in the other language's spelling.

    tools/gen-records.py --records 100000 --out TREE/records/generated.csv
"""
import argparse
import csv
import random

SYLLABLES = ["жұма", "бай", "ахмет", "сей", "іт", "ер", "ғали", "нұр", "сұл", "тан", "мұрат", "бек",
             "қан", "ай", "дос", "жан", "тұр", "сын", "әлі", "хан", "құл", "мам", "жақ", "сар"]
GIVEN = ["Асқар", "Нұрлан", "Ерлан", "Серік", "Бақыт", "Мұрат", "Қайрат", "Жақсылық", "Дәулет", "Әділ"]
PLACES = ["Қарқаралы ауданы", "Каркаралинский район", "[[karaganda-region]]"]
RUSSIAN = str.maketrans("әғқңөұүһі", "агкноуухи")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1941)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    written = []
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        rows = csv.writer(out, lineterminator="\n")
        rows.writerow(["id", "surname.kk", "surname.ru", "given-name", "born", "call-up-office", "rank", "fate", "died", "same-as"])
        for number in range(args.records):
            if written and rng.random() < 0.1:
                stem, given, born, place = rng.choice(written)
                born += rng.choice([0, 1])
            else:
                stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 3]))).capitalize()
                given, born, place = rng.choice(GIVEN), rng.randint(1895, 1926), rng.choice(PLACES)
                written.append((stem, given, born, place))
            kazakh, russian = stem + "ұлы", stem.translate(RUSSIAN).rstrip("й") + "ев"
            rows.writerow([f"g-{number:07d}", kazakh, russian, given, born, place, "private",
                           rng.choice(["killed", "missing", "returned"]), "", ""])


if __name__ == "__main__":
    main()
