package uk.encounters.demo;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Made-up names and work email addresses for volunteers. */
final class PersonNames {

    private static final List<String> FIRST = List.of(
            "Aisha",
            "Alex",
            "Amir",
            "Amy",
            "Ben",
            "Chloe",
            "Daniel",
            "David",
            "Ella",
            "Emma",
            "Fatima",
            "Gareth",
            "Grace",
            "Hannah",
            "Harpreet",
            "Imran",
            "Jack",
            "James",
            "Jess",
            "Joanne",
            "Kate",
            "Kieran",
            "Laura",
            "Liam",
            "Lucy",
            "Mark",
            "Mohammed",
            "Naomi",
            "Nathan",
            "Olivia",
            "Priya",
            "Rachel",
            "Rob",
            "Ruth",
            "Sam",
            "Sarah",
            "Simon",
            "Sophie",
            "Steve",
            "Tom",
            "Usman",
            "Vicky",
            "Will",
            "Yasmin",
            "Zoe",
            "Claire",
            "Dev",
            "Marek",
            "Ola",
            "Tariq");

    private static final List<String> LAST = List.of(
            "Ahmed",
            "Allen",
            "Atwal",
            "Baker",
            "Begum",
            "Bennett",
            "Brown",
            "Clarke",
            "Cooper",
            "Davies",
            "Edwards",
            "Evans",
            "Green",
            "Hall",
            "Harris",
            "Hughes",
            "Hussain",
            "Jackson",
            "Jones",
            "Kaur",
            "Khan",
            "King",
            "Kowalski",
            "Lewis",
            "Martin",
            "Mistry",
            "Moore",
            "Morris",
            "Nowak",
            "O'Brien",
            "Okafor",
            "Parker",
            "Patel",
            "Roberts",
            "Robinson",
            "Scott",
            "Shah",
            "Singh",
            "Smith",
            "Taylor",
            "Thomas",
            "Thompson",
            "Turner",
            "Walker",
            "Ward",
            "White",
            "Williams",
            "Wilson",
            "Wood",
            "Wright");

    private PersonNames() {}

    static String name(RandomGenerator random) {
        return EmployerNames.pick(FIRST, random) + " " + EmployerNames.pick(LAST, random);
    }

    static String surname(RandomGenerator random) {
        return EmployerNames.pick(LAST, random);
    }

    /** first.last@domain, numbered when the employer already has that address. */
    static String email(String name, String domain, Set<String> taken) {
        String local =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().replace(' ', '.');
        String email = local + "@" + domain;
        for (int n = 2; !taken.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return email;
    }
}
