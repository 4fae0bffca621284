from .collector import start_up

with start_up():
    from .cli import main

    main()
